package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.Fingerprints;
import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.kernel.secrets.SecretNames;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code /environment add|switch|list}: the clusters a project knows, and which one commands act on. */
@Command(name = "environment", aliases = "env", description = "Add, switch or list environments (clusters)",
        footer = {"environment add production --server prod.example.com --token-id root@pam!mpc",
            "environment switch production", "environment list"})
public final class EnvironmentCommand implements ConsoleCommand {
    private static final List<String> SUBCOMMANDS = List.of("add", "switch", "list");
    @Parameters(index = "0", arity = "0..1", paramLabel = "add|switch|list", completionCandidates = Actions.class,
            description = "list (the default), add NAME or switch NAME")
    private String action = "list";
    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", completionCandidates = Environments.class,
            description = "the environment to add or switch to")
    private String name;
    @Option(names = "--server", paramLabel = "HOST", description = "add: the cluster's host name or IP address")
    private String server;
    @Option(names = "--port", paramLabel = "8006", converter = Ranges.Port.class, description = "add: the API port")
    private int port = 8006;
    @Option(names = "--token-id", paramLabel = "ID", description = "add: the API token (user@realm!name)")
    private String tokenId = "";
    @Option(names = "--user", paramLabel = "U", description = "add: a user (user@realm) instead of a token")
    private String user = "";
    @Option(names = "--fingerprint", paramLabel = "FP", description = "add: pin the server certificate")
    private String fingerprint = "";
    @Option(names = "--ca-file", paramLabel = "F", description = "add: trust this CA")
    private String caFile = "";
    @Option(names = "--insecure", description = "add: skip certificate checks")
    private boolean insecure;
    @Option(names = "--node", paramLabel = "N", description = "add: the default node")
    private String node = "";
    @Option(names = "--secret-env", paramLabel = "VAR", description = "add: the variable holding the secret")
    private String secretEnv = "";
    @Option(names = "--provider", paramLabel = "ID", description = "add: the provider (proxmox)")
    private String provider = "proxmox";

    /** Tab: the actions. */
    static final class Actions extends FixedCandidates {
        Actions() {
            super("add", "switch", "list");
        }
    }

    /** Tab: the project's environments (for switch). */
    static final class Environments implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return request.positional(0).filter("switch"::equals).isPresent()
                    ? new ArrayList<>(ctx.config().environments().keySet()) : List.of();
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        String sub = action;
        ConfigStore store = new ConfigStore(ctx.workspace());
        return switch (sub) {
            case "list" -> list(ctx, store);
            case "add" -> add(ctx, store);
            case "switch" -> switchTo(ctx, store);
            default -> throw new UsageException("environment " + sub + ": unknown" + Suggest.closest(sub, SUBCOMMANDS)
                    .map(s -> "; did you mean environment " + s + "?").orElse("; use add, switch or list"));
        };
    }

    private CommandResult list(KernelContext ctx, ConfigStore store) {
        if (name != null) {
            throw new UsageException("environment list takes no name");
        }
        var project = store.load().project();
        if (ctx.console().jsonRequested()) {
            ctx.console().json(project.environments().values().stream()
                    .sorted(java.util.Comparator.comparing(e -> e.name())).toList());
            return CommandResult.ok();
        }
        List<List<String>> rows = project.environments().values().stream()
                .sorted(java.util.Comparator.comparing(e -> e.name()))
                .map(e -> List.of(e.name().equals(project.currentEnvironment()) ? "*" : "", e.name(), e.endpoint(),
                        e.node(), e.tokenId().isEmpty() ? e.username() : e.tokenId(),
                        e.insecure() ? "insecure" : !e.fingerprint().isEmpty() ? "pinned"
                                : !e.caFile().isEmpty() ? "ca-file" : "system"))
                .toList();
        ctx.console().table(new Table(List.of("", "NAME", "ENDPOINT", "NODE", "AUTH", "TLS"), rows));
        return CommandResult.ok();
    }

    private CommandResult add(KernelContext ctx, ConfigStore store) {
        if (name == null) {
            throw new UsageException("missing the environment name (environment add production --server HOST)");
        }
        String name = safeName(this.name);
        if (server == null) {
            throw new UsageException("environment add needs --server HOST");
        }
        if (!server.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw new UsageException("--server must be a host name or IP address, got '" + server + "'");
        }
        String tokenId = this.tokenId;
        if (tokenId.isEmpty() && user.isEmpty()) {
            if (!ctx.console().interactive()) {
                throw new UsageException("environment add needs --token-id ID or --user USER@REALM");
            }
            tokenId = ctx.console().prompt("API token id (user@realm!name)", "root@pam!mpc").trim();
        }
        ConfigDocument doc = store.read();
        if (doc.environments.containsKey(name)) {
            throw new CommandException("environment '" + name + "' already exists; see /environment list");
        }
        ConfigDocument.EnvironmentDocument env = new ConfigDocument.EnvironmentDocument();
        env.provider = provider;
        String host = server.contains(":") && !server.startsWith("[") ? "[" + server + "]" : server;
        env.endpoint = "https://" + host + ":" + port;
        env.node = node;
        env.tokenId = tokenId;
        env.username = user;
        env.secretEnv = secretEnv;
        env.tls.fingerprint = Fingerprints.normalize(fingerprint);
        env.tls.caFile = caFile;
        env.tls.insecure = insecure;
        doc.environments.put(name, env);
        store.write(doc);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), tokenId, "environment add", "environment/" + name,
                "ok", 0));
        ctx.console().success("Added environment " + name + " (" + env.endpoint + ").");
        if (env.tls.fingerprint.isEmpty() && env.tls.caFile.isEmpty() && !env.tls.insecure) {
            ctx.console().warn("no certificate pinned for " + name + ": it is checked against the system CAs; "
                    + "pin it with --fingerprint");
        }
        ctx.console().info("Its secret is read from " + SecretNames.environmentVariable(name)
                + " or '" + name + "' in .proxmox/secrets.yml. Use it with /environment switch " + name + ".");
        return CommandResult.ok();
    }

    private CommandResult switchTo(KernelContext ctx, ConfigStore store) {
        if (this.name == null) {
            throw new UsageException("missing the environment name");
        }
        String name = safeName(this.name);
        ConfigDocument doc = store.read();
        if (!doc.environments.containsKey(name)) {
            String hint = Suggest.closest(name, doc.environments.keySet())
                    .map(s -> "; did you mean " + s + "?").orElse("; see /environment list");
            throw new CommandException("no environment named '" + name + "'" + hint);
        }
        doc.currentEnvironment = name;
        store.write(doc);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "environment switch", "environment/" + name,
                "ok", 0));
        ctx.console().success("Commands now act on environment " + name + " ("
                + doc.environments.get(name).endpoint + ").");
        return CommandResult.ok();
    }

    static String safeName(String name) {
        if (!ProjectConfigs.SAFE_NAME.matcher(name).matches()) {
            throw new UsageException("unsafe name '" + name + "': use letters, digits, '.', '_' and '-' (no '/' or '..')");
        }
        return name;
    }
}
