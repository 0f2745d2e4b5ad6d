package dev.proxmoxmpc.plugin.mcp;

import dev.proxmoxmpc.plugin.mcp.server.McpServerSetup;
import dev.proxmoxmpc.plugin.mcp.server.ProjectFiles;
import dev.proxmoxmpc.plugin.mcp.tools.Catalog;
import dev.proxmoxmpc.plugin.mcp.tools.Redaction;
import dev.proxmoxmpc.plugin.mcp.tools.ToolRunner;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.StandardStreams;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code proxmox-mpc mcp [--project DIR] [--allow-apply]}: serves the project to an AI assistant over the Model
 * Context Protocol on standard input and output, until the client closes them. Standard output then carries only
 * the protocol; messages go to standard error and the log file.
 */
@Extension
@Command(name = "mcp",
        description = "Serve this project to AI assistants over the Model Context Protocol (stdio; see docs/mcp.md)",
        footer = {"proxmox-mpc mcp --project ~/infra                 # in an MCP client's server config",
                "proxmox-mpc mcp --project ~/infra --allow-apply   # also apply saved plans, each confirmed"})
public class McpCommand implements ConsoleCommand {
    private static final Logger LOG = LoggerFactory.getLogger(McpCommand.class);

    @Option(names = "--project", paramLabel = "DIR", description = "the project to serve (default: the current one)")
    private Path project;

    @Option(names = "--allow-apply",
            description = "also offer apply (saved plans only) and rollback, each confirmed by the person")
    private boolean allowApply;

    @Override
    public CommandResult execute(KernelContext ctx) throws InterruptedException {
        if (ctx.console().interactive()) {
            throw new CommandException("mcp speaks the Model Context Protocol on standard input and output: "
                    + "start it from an MCP client (docs/mcp.md), not in the console");
        }
        if (project != null) {
            ctx.useWorkspace(project);
        }
        if (!ctx.workspace().initialised()) {
            throw new CommandException("no project in " + ctx.workspace().root() + "; run /init there first");
        }
        StandardStreams streams = ctx.claimStandardStreams().orElseThrow(() -> new CommandException(
                "mcp needs standard input and output for the protocol: start it from an MCP client (docs/mcp.md)"));
        Catalog catalog = Catalog.of(ctx.extensions(ConsoleCommand.class), allowApply);
        catalog.withheld().forEach(w -> LOG.info("tool not offered: {}", w));
        ToolRunner runner = new ToolRunner(ctx::capture, new Redaction(() -> secrets(ctx)));
        CountDownLatch closed = new CountDownLatch(1);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        InputStream in = new EndOfInput(streams.in(), closed);
        McpSyncServer server = new McpServerSetup(catalog, runner, new ProjectFiles(ctx.workspace().root()),
                ctx::capture).start(in, streams.out(), version());
        ctx.console().info("proxmox-mpc MCP server: " + catalog.tools().size() + " tools for "
                + ctx.workspace().root() + (allowApply ? " (apply allowed, each confirmed)" : ""));
        try {
            closed.await();
        } finally {
            server.closeGracefully();
            awaitSdkThreads(before);
        }
        return CommandResult.ok();
    }

    /**
     * Waits (a few seconds at most) for the threads the SDK started to wind down: the kernel closes this plugin's
     * class loader when the command returns, and a thread still shutting down would then fail to load its classes.
     */
    private static void awaitSdkThreads(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t != Thread.currentThread()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                t.join(left);
            }
        }
    }

    private static Collection<String> secrets(KernelContext ctx) {
        List<String> out = new ArrayList<>();
        try {
            for (EnvironmentConfig env : ctx.config().environments().values()) {
                ctx.secrets().get(env.name()).ifPresent(out::add);
            }
        } catch (RuntimeException e) {
            LOG.debug("secrets for redaction not read: {}", e.getMessage());
        }
        return out;
    }

    private static String version() {
        String v = McpCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Standard input that says when the client closed it. */
    private static final class EndOfInput extends FilterInputStream {
        private final CountDownLatch closed;

        EndOfInput(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            return seen(guard(() -> super.read()));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return seen(guard(() -> super.read(b, off, len)));
        }

        private int seen(int n) {
            if (n < 0) {
                closed.countDown();
            }
            return n;
        }

        private int guard(IoRead read) throws IOException {
            try {
                return read.get();
            } catch (IOException e) {
                closed.countDown();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            closed.countDown();
            super.close();
        }

        private interface IoRead {
            int get() throws IOException;
        }
    }
}
