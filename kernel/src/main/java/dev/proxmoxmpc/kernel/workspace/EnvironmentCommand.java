package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.Credentials;
import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.kernel.secrets.SecretNames;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /environment add|switch|list|remove|map}: the clusters a project knows, which one commands act on, and how
 * the desired state's names map onto each.
 */
public final class EnvironmentCommand implements ConsoleCommand {
    private static final List<String> SUBCOMMANDS = List.of("add", "switch", "list", "remove", "map");

    @Override
    public String name() {
        return "environment";
    }

    @Override
    public List<String> aliases() {
        return List.of("env");
    }

    @Override
    public String summary() {
        return "Add, switch, list, remove or map environments (clusters)";
    }

    @Override
    public String usage() {
        return "environment add NAME --server HOST [--port 8006] [--token-id ID --token-secret-env VAR | --user U]"
                + " [--fingerprint FP | --ca-file F | --insecure] [--node N] | environment switch NAME"
                + " | environment list [--json] | environment remove NAME"
                + " | environment map NAME [--node FROM=TO]... [--storage FROM=TO]... [--bridge FROM=TO]..."
                + " [--subnet FROM_CIDR=TO_CIDR]... [--ostemplate FROM=TO]... [--clear]";
    }

    @Override
    public List<String> examples() {
        return List.of("environment add production --server prod.example.com --token-id root@pam!mpc"
                        + " --token-secret-env PROD_TOKEN", "environment switch production", "environment list",
                "environment map production --node pve1=prod1 --bridge vmbr1=vmbr0", "environment remove staging");
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        if (words.size() <= 1) {
            return SUBCOMMANDS;
        }
        if (List.of("switch", "remove", "map").contains(words.get(0)) && words.size() == 2) {
            return new ArrayList<>(ctx.config().environments().keySet());
        }
        if (words.get(0).equals("map")) {
            return EnvironmentMapOptions.KINDS.stream().map(k -> "--" + k).toList();
        }
        return words.get(0).equals("add") ? new ArrayList<>(EnvironmentAddOptions.VALUE_FLAGS) : List.of();
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        String sub = args.isEmpty() ? "list" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        ConfigStore store = new ConfigStore(ctx.workspace());
        return switch (sub) {
            case "list" -> list(ctx, store, rest);
            case "add" -> add(ctx, store, rest);
            case "switch" -> switchTo(ctx, store, rest);
            case "remove" -> remove(ctx, store, rest);
            case "map" -> EnvironmentMaps.map(ctx, store, EnvironmentMapOptions.parse(rest));
            default -> throw new UsageException("environment " + sub + ": unknown" + Args.Suggest.closest(sub, SUBCOMMANDS)
                    .map(s -> "; did you mean environment " + s + "?").orElse("; use add, switch, list, remove or map"));
        };
    }

    private CommandResult list(KernelContext ctx, ConfigStore store, List<String> args) {
        Args a = Args.parse(args, Set.of(), Set.of("--json"));
        var project = store.load().project();
        Optional<SyncRun> last = lastSync(ctx);
        List<EnvironmentRow> rows = project.environments().values().stream().sorted(Comparator.comparing(e -> e.name()))
                .map(e -> EnvironmentRow.of(e, e.name().equals(project.currentEnvironment()),
                        last.filter(r -> r.environment().equals(e.name()))))
                .toList();
        if (ctx.console().jsonRequested() || a.flag("--json")) {
            ctx.console().json(rows);
            return CommandResult.ok();
        }
        ctx.console().table(new Table(List.of("", "NAME", "SERVER", "AUTH", "TLS", "LAST SYNC", "DRIFT", "MAPPED"),
                rows.stream().map(EnvironmentRow::cells).toList()));
        return CommandResult.ok();
    }

    private CommandResult add(KernelContext ctx, ConfigStore store, List<String> args) {
        EnvironmentAddOptions o = EnvironmentAddOptions.parse(args);
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

    private CommandResult remove(KernelContext ctx, ConfigStore store, List<String> args) {
        Args a = Args.parse(args, Set.of(), Set.of());
        String name = safeName(a.positional(0, "the environment name"));
        ConfigDocument doc = store.read();
        if (!doc.environments.containsKey(name)) {
            throw new CommandException("no environment named '" + name + "'" + Args.Suggest.closest(name, doc.environments.keySet())
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

    private CommandResult switchTo(KernelContext ctx, ConfigStore store, List<String> args) {
        Args a = Args.parse(args, Set.of(), Set.of());
        String name = safeName(a.positional(0, "the environment name"));
        ConfigDocument doc = store.read();
        if (!doc.environments.containsKey(name)) {
            String hint = Args.Suggest.closest(name, doc.environments.keySet())
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
