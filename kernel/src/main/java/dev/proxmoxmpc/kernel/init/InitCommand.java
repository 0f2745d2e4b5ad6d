package dev.proxmoxmpc.kernel.init;

import dev.proxmoxmpc.kernel.backend.PostgresCheck;
import dev.proxmoxmpc.kernel.backend.PostgresTarget;
import dev.proxmoxmpc.kernel.project.ProjectHost;
import dev.proxmoxmpc.kernel.workspace.WorkspaceRegistry;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import dev.proxmoxmpc.spi.state.AuditEntry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code /init}: connects a directory to a Proxmox VE server. Asks what the flags leave out (host, port, token or
 * user, the certificate, the default node), tests the connection and the privileges, and only then writes the
 * project.
 */
@Command(name = "init", description = "create a project here, connected to a Proxmox VE server",
        footer = {"init", "init --host pve.example.com --token-id root@pam!mpc --token-secret-env PVE_SECRET "
            + "--fingerprint AB:CD:... --import-existing"})
public final class InitCommand implements ConsoleCommand {
    private final Function<String, String> env;
    @Mixin
    private InitArgs options = new InitArgs();

    /** Reads environment variables from the kernel's run (or the process). */
    public InitCommand() {
        this(null);
    }

    /** @param env environment variable lookup (tests pass a map's {@code get}), or null for the run's */
    public InitCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        InitRequest req = options.request();
        Workspace ws = ctx.workspace();
        SourceCheckout.of(ws.root()).ifPresent(checkout -> {
            throw new UsageException("refusing to create a project inside the proxmox-mpc source checkout " + checkout
                    + "; run /init in an empty directory of its own (mkdir ~/my-cluster && cd ~/my-cluster)");
        });
        if (ws.initialised() && !req.force()) {
            throw new CommandException("a project already exists in " + ws.root()
                    + " (.proxmox/config.yml); use /init --force to replace its config");
        }
        long started = System.nanoTime();
        InitResult result = run(ctx, req);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), req.tokenId().isEmpty() ? req.username() : req.tokenId(),
                "init", result.endpoint(), "ok", (System.nanoTime() - started) / 1_000_000));
        render(ctx.console(), result);
        if (req.importExisting()) {
            return ctx.execute("/sync");
        }
        return CommandResult.ok();
    }

    private InitResult run(KernelContext ctx, InitRequest flags) {
        Console console = ctx.console();
        InfrastructureProvider provider = provider(ctx, flags.provider());
        Function<String, String> variables = env != null ? env : name -> ProjectHost.env(ctx, name);
        InitDialogue dialogue = new InitDialogue(console, variables, ctx.workspace().secretsFile());
        InitRequest req = dialogue.complete(flags);
        InitDialogue.Credentials creds = dialogue.credentials(req);
        ServerCheck check = new ServerCheck(console, provider);
        req = check.trust(req);
        List<String> warnings = new ArrayList<>();
        ServerInfo info = null;
        InitRequest asked = req;
        AtomicReference<Optional<String>> ca = new AtomicReference<>(ClusterCa.fromFile(req));
        AtomicReference<Optional<String>> pin = new AtomicReference<>(Optional.empty());
        if (!req.skipCheck()) {
            info = check.probe(endpoint(req, creds), warnings, (session, answer) -> {
                if (ca.get().isEmpty()) {
                    ca.set(ClusterCa.fromServer(asked, session, answer, warnings));
                }
                pin.set(PublicKeyPin.fromServer(asked, session, answer));
            });
            console.success("Connected to Proxmox VE " + info.version() + " as " + info.identity()
                    + (info.cluster().isEmpty() ? "" : " (cluster " + info.cluster() + ")"));
            req = req.withNode(node(console, req, info));
        }
        Optional<PostgresTarget> postgres = dialogue.state(options, flags.host().isEmpty());
        String postgresPassword = "";
        if (postgres.isPresent()) {
            // Checked before anything is written: a bad URL, password, database or right leaves no project behind.
            postgresPassword = PostgresCheck.password(postgres.get(), variables);
            PostgresCheck.Found found = PostgresCheck.check(postgres.get(), postgresPassword);
            console.success("Connected to PostgreSQL " + found.server() + " at " + postgres.get().shown()
                    + (found.existingState() ? "; joining the proxmox-mpc state already there" : ""));
        }
        String secretIn = new ProjectInitializer(ctx.workspace(), ctx.clock())
                .write(req, creds, warnings, postgres, postgresPassword);
        String envName = req.name();
        pin.get().ifPresent(p -> PublicKeyPin.save(ctx.workspace(), envName, p));
        ca.get().ifPresent(pem -> console.info("Saved the cluster CA as " + ctx.workspace().root().relativize(
                ClusterCa.save(ctx.workspace(), pem)) + " (for tools that need a CA bundle: docs/ansible.md)"));
        ProjectInitializer.register(WorkspaceRegistry.of(ctx), ctx.workspace(), warnings);
        String tls = req.insecure() ? "insecure" : !req.fingerprint().isEmpty() ? "pinned" : !req.caFile().isEmpty()
                ? "ca-file" : "system";
        return new InitResult(ctx.workspace().root().toString(), req.name(), req.endpoint(), tls,
                info == null ? "" : info.identity(), info == null ? "" : info.version(), req.node(), secretIn, warnings,
                postgres.map(t -> "postgresql " + t.shown()).orElse("sqlite .proxmox/state.db"));
    }

    private static String node(Console console, InitRequest req, ServerInfo info) {
        if (!req.node().isEmpty()) {
            if (!info.nodes().isEmpty() && !info.nodes().contains(req.node())) {
                throw new CommandException("the server has no node '" + req.node() + "' (nodes: "
                        + String.join(", ", info.nodes()) + "); nothing was saved");
            }
            return req.node();
        }
        if (info.nodes().isEmpty()) {
            return "";
        }
        if (info.nodes().size() == 1 || !console.interactive()) {
            return info.nodes().get(0);
        }
        return console.choose("Default node for new guests?", info.nodes());
    }

    static Endpoint endpoint(InitRequest r, InitDialogue.Credentials c) {
        return new Endpoint(r.name(), URI.create(r.endpoint()), r.tokenId(), r.usesToken() ? c.secret() : "",
                r.username(), r.usesToken() ? "" : c.secret(), new Endpoint.Tls(r.fingerprint(), r.caFile(), r.insecure()),
                ServerCheck.timeout(), 4);
    }

    private static InfrastructureProvider provider(KernelContext ctx, String id) {
        List<InfrastructureProvider> all = ctx.extensions(InfrastructureProvider.class);
        return all.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new CommandException(
                "no infrastructure provider '" + id + "' is loaded" + (all.isEmpty() ? "" : " (loaded: "
                        + String.join(", ", all.stream().map(InfrastructureProvider::id).toList()) + ")")
                        + "; is its plugin installed?"));
    }

    private static void render(Console console, InitResult r) {
        if (console.jsonRequested()) {
            console.json(r);
            return;
        }
        r.warnings().forEach(console::warn);
        console.success("Created the project in " + r.root() + " (environment " + r.environment() + ", "
                + r.endpoint() + ", tls " + r.tls() + (r.node().isEmpty() ? "" : ", node " + r.node()) + ")");
        console.info("The state lives in " + r.state() + ".");
        console.info("The secret is read from " + r.secretIn() + ". Next: /sync to import the cluster.");
    }
}
