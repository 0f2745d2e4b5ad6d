package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.Credentials;
import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.kernel.secrets.SecretNames;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /environment add|switch|list|remove|map}: the clusters a project knows, which one commands act on, and how
 * the desired state's names map onto each. One declaration carries every action's options; {@link #addOptions()} and
 * {@link #mapOptions()} check them into the action's options record (pure).
 */
@Command(name = "environment", aliases = "env", description = "Add, switch, list, remove or map environments (clusters)",
        footer = {"environment add production --server prod.example.com --token-id root@pam!mpc --token-secret-env PROD_TOKEN",
            "environment switch production", "environment list",
            "environment map production --node pve1=prod1 --bridge vmbr1=vmbr0", "environment remove staging"})
public final class EnvironmentCommand implements ConsoleCommand {
    private static final List<String> SUBCOMMANDS = List.of("add", "switch", "list", "remove", "map");
    @Parameters(index = "0", arity = "0..1", paramLabel = "add|switch|list|remove|map", completionCandidates = Actions.class,
            description = "list (the default), add NAME, switch NAME, remove NAME or map NAME")
    private String action = "list";
    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", completionCandidates = Environments.class,
            description = "the environment to add, switch to, remove or map")
    private String name;
    @Option(names = {"--server", "--host"}, paramLabel = "HOST", description = "add: the cluster's host name or IP address")
    private String server;
    @Option(names = "--port", paramLabel = "8006", converter = Ranges.Port.class, description = "add: the API port")
    private int port = 8006;
    @Option(names = "--token-id", paramLabel = "ID", description = "add: the API token (user@realm!name)")
    private String tokenId = "";
    @Option(names = {"--token-secret-env", "--secret-env"}, paramLabel = "VAR",
            description = "add: the variable holding the token secret")
    private String secretEnv = "";
    @Option(names = "--user", paramLabel = "U", description = "add: a user (user@realm) instead of a token")
    private String user = "";
    @Option(names = "--fingerprint", paramLabel = "FP", description = "add: pin the server certificate")
    private String fingerprint = "";
    @Option(names = "--ca-file", paramLabel = "F", description = "add: trust this CA")
    private String caFile;
    @Option(names = "--insecure", description = "add: skip certificate checks")
    private boolean insecure;
    @Option(names = "--node", paramLabel = "N|FROM=TO",
            description = "add: the default node; map: a node of the desired state and the one it becomes (repeatable)")
    private List<String> nodes = new ArrayList<>();
    @Option(names = "--provider", paramLabel = "ID", description = "add: the provider (proxmox)")
    private String provider = "proxmox";
    @Option(names = "--storage", paramLabel = "FROM=TO", description = "map: a storage and the one it becomes (repeatable)")
    private List<String> storages = new ArrayList<>();
    @Option(names = "--bridge", paramLabel = "FROM=TO", description = "map: a bridge and the one it becomes (repeatable)")
    private List<String> bridges = new ArrayList<>();
    @Option(names = "--subnet", paramLabel = "FROM_CIDR=TO_CIDR",
            description = "map: a subnet and the one it becomes; addresses keep their host part (repeatable)")
    private List<String> subnets = new ArrayList<>();
    @Option(names = "--ostemplate", paramLabel = "FROM=TO",
            description = "map: a container template and the one it becomes (repeatable)")
    private List<String> ostemplates = new ArrayList<>();
    @Option(names = "--clear", description = "map: replace the mapping instead of adding to it")
    private boolean clear;

    /** Tab: the actions. */
    static final class Actions extends FixedCandidates {
        Actions() {
            super("add", "switch", "list", "remove", "map");
        }
    }

    /** Tab: the project's environments (for switch, remove and map). */
    static final class Environments implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return request.positional(0).filter(List.of("switch", "remove", "map")::contains).isPresent()
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
            case "remove" -> remove(ctx, store);
            case "map" -> EnvironmentMaps.map(ctx, store, mapOptions());
            default -> throw new UsageException("environment " + sub + ": unknown" + Suggest.closest(sub, SUBCOMMANDS)
                    .map(s -> "; did you mean environment " + s + "?").orElse("; use add, switch, list, remove or map"));
        };
    }

    /** @return the add options, checked (pure) */
    EnvironmentAddOptions addOptions() {
        if (nodes.size() > 1) {
            throw new UsageException("environment add takes one --node, got " + nodes.size());
        }
        return EnvironmentAddOptions.of(required("the environment name (environment add production --server HOST)"),
                server, port, tokenId, user, secretEnv, fingerprint, caFile, insecure, nodes.isEmpty() ? "" : nodes.get(0),
                provider);
    }

    /** @return the map options, checked (pure) */
    EnvironmentMapOptions mapOptions() {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        raw.put("node", nodes);
        raw.put("storage", storages);
        raw.put("bridge", bridges);
        raw.put("subnet", subnets);
        raw.put("ostemplate", ostemplates);
        return EnvironmentMapOptions.of(required("the environment name (environment map production --node pve1=prod1)"),
                raw, clear);
    }

    private String required(String what) {
        if (name == null) {
            throw new UsageException("missing " + what);
        }
        return name;
    }

    private CommandResult list(KernelContext ctx, ConfigStore store) {
        if (name != null) {
            throw new UsageException("environment list takes no name");
        }
        var project = store.load().project();
        Optional<SyncRun> last = lastSync(ctx);
        List<EnvironmentRow> rows = project.environments().values().stream().sorted(Comparator.comparing(e -> e.name()))
                .map(e -> EnvironmentRow.of(e, e.name().equals(project.currentEnvironment()),
                        last.filter(r -> r.environment().equals(e.name()))))
                .toList();
        if (ctx.console().jsonRequested()) {
            ctx.console().json(rows);
            return CommandResult.ok();
        }
        ctx.console().table(new Table(List.of("", "NAME", "SERVER", "AUTH", "TLS", "LAST SYNC", "DRIFT", "MAPPED"),
                rows.stream().map(EnvironmentRow::cells).toList()));
        return CommandResult.ok();
    }

    private CommandResult add(KernelContext ctx, ConfigStore store) {
        EnvironmentAddOptions o = addOptions();
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

    private CommandResult remove(KernelContext ctx, ConfigStore store) {
        String name = safeName(required("the environment name"));
        ConfigDocument doc = store.read();
        if (!doc.environments.containsKey(name)) {
            throw new CommandException("no environment named '" + name + "'" + Suggest.closest(name, doc.environments.keySet())
                    .map(s -> "; did you mean " + s + "?").orElse("; see /environment list"));
        }
        if (name.equals(doc.currentEnvironment)) {
            throw new CommandException("environment " + name + " is the current one; /environment switch to another first");
        }
        doc.environments.remove(name);
        store.write(doc);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "environment remove", "environment/" + name, "ok", 0));
        ctx.console().success("Removed environment " + name + ". Its secret, if any, stays where you put it.");
        return CommandResult.ok();
    }

    private CommandResult switchTo(KernelContext ctx, ConfigStore store) {
        String name = safeName(required("the environment name"));
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

    /** @return the project's last sync, or empty when there is none or no state to ask (a fresh clone) */
    private static Optional<SyncRun> lastSync(KernelContext ctx) {
        try {
            return ctx.state().lastSyncRun();
        } catch (StateException e) {
            return Optional.empty();
        }
    }

    static String safeName(String name) {
        if (!ProjectConfigs.SAFE_NAME.matcher(name).matches()) {
            throw new UsageException("unsafe name '" + name + "': use letters, digits, '.', '_' and '-' (no '/' or '..')");
        }
        return name;
    }
}
