package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.Credentials;
import dev.proxmoxmpc.kernel.secrets.SecretNames;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code environment add NAME --server HOST [--port N] [--token-id ID --token-secret-env VAR] [--fingerprint FP |
 * --ca-file F | --insecure] [--user U] [--node N]}: another cluster for the project, with /init's flags; on a terminal
 * it asks for what is missing and pins the certificate once the user agrees.
 */
@Command(name = "environment add", aliases = "env add", description = "Add an environment (another cluster) to the project",
        footer = {"environment add production --server prod.example.com --token-id root@pam!mpc --token-secret-env PROD_TOKEN",
            "environment add staging --server 10.0.0.9 --port 8443 --fingerprint AB:CD:..."})
public final class EnvironmentAddCommand implements ConsoleCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the new environment's name")
    private String name;
    @Option(names = {"--server", "--host"}, paramLabel = "HOST", description = "the cluster's host name or IP address")
    private String server;
    @Option(names = "--port", paramLabel = "8006", converter = Ranges.Port.class, description = "the API port")
    private int port = 8006;
    @Option(names = "--token-id", paramLabel = "ID", description = "the API token (user@realm!name)")
    private String tokenId = "";
    @Option(names = {"--token-secret-env", "--secret-env"}, paramLabel = "VAR", description = "the variable holding the token secret")
    private String secretEnv = "";
    @Option(names = "--user", paramLabel = "U", description = "a user (user@realm) instead of a token")
    private String user = "";
    @Option(names = "--fingerprint", paramLabel = "FP", description = "pin the server certificate")
    private String fingerprint = "";
    @Option(names = "--ca-file", paramLabel = "F", description = "trust this CA")
    private String caFile;
    @Option(names = "--insecure", description = "skip certificate checks")
    private boolean insecure;
    @Option(names = "--node", paramLabel = "N", description = "the default node for new guests")
    private String node = "";
    @Option(names = "--provider", paramLabel = "ID", description = "the infrastructure provider (proxmox)")
    private String provider = "proxmox";

    @Override
    public boolean requiresProject() {
        return true;
    }

    /** @return the options, checked (pure) */
    EnvironmentAddOptions options() {
        return EnvironmentAddOptions.of(name, server, port, tokenId, user, secretEnv, fingerprint, caFile, insecure, node,
                provider);
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        EnvironmentAddOptions o = options();
        ConfigStore store = new ConfigStore(ctx.workspace());
        ConfigDocument doc = store.read();
        if (doc.environments.containsKey(o.name())) {
            throw new CommandException("environment '" + o.name() + "' already exists; see /environment list");
        }
        if (o.tokenId().isEmpty() && o.user().isEmpty()) {
            if (!ctx.console().interactive()) {
                throw new UsageException("environment add needs --token-id ID (user@realm!name) or --user USER@REALM"
                        + " when it cannot ask (batch mode)");
            }
            String id = ctx.console().prompt("API token id (user@realm!name)", "root@pam!mpc").trim();
            Credentials.checkTokenId(id);
            o = o.withTokenId(id);
        }
        o = EnvironmentTrust.pin(ctx, o);
        ConfigDocument.EnvironmentDocument env = new ConfigDocument.EnvironmentDocument();
        env.provider = o.provider();
        env.endpoint = o.endpoint();
        env.node = o.node();
        env.tokenId = o.tokenId();
        env.username = o.user();
        env.secretEnv = o.secretEnv();
        env.tls.fingerprint = o.fingerprint();
        env.tls.caFile = o.caFile();
        env.tls.insecure = o.insecure();
        doc.environments.put(o.name(), env);
        store.write(doc);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), o.tokenId(), "environment add", "environment/" + o.name(),
                "ok", 0));
        ctx.console().success("Added environment " + o.name() + " (" + env.endpoint + ").");
        if (env.tls.fingerprint.isEmpty() && env.tls.caFile.isEmpty() && !env.tls.insecure) {
            ctx.console().warn("no certificate pinned for " + o.name() + ": it is checked against the system CAs; "
                    + "pin it with --fingerprint");
        }
        ctx.console().info("Its secret is read from " + (o.secretEnv().isEmpty() ? "" : o.secretEnv() + ", ")
                + SecretNames.environmentVariable(o.name()) + " or '" + o.name()
                + "' in .proxmox/secrets.yml. Use it with /environment switch " + o.name() + ".");
        return CommandResult.ok();
    }
}
