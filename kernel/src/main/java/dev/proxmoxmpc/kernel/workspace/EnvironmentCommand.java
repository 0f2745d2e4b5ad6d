package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.Fingerprints;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code /environment add|switch|list}: the clusters a project knows, and which one commands act on. */
public final class EnvironmentCommand implements ConsoleCommand {
    private static final List<String> SUBCOMMANDS = List.of("add", "switch", "list");
    private static final Set<String> ADD_VALUES = Set.of("--server", "--port", "--token-id", "--user", "--fingerprint",
            "--ca-file", "--node", "--secret-env", "--provider");

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
        return "Add, switch or list environments (clusters)";
    }

    @Override
    public String usage() {
        return "environment add NAME --server HOST [--port 8006] [--token-id ID | --user U] [--fingerprint FP | --ca-file F"
                + " | --insecure] [--node N] | environment switch NAME | environment list [--json]";
    }

    @Override
    public List<String> examples() {
        return List.of("environment add production --server prod.example.com --token-id root@pam!mpc",
                "environment switch production", "environment list");
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
        if (words.get(0).equals("switch") && words.size() == 2) {
            return new ArrayList<>(ctx.config().environments().keySet());
        }
        return words.get(0).equals("add") ? new ArrayList<>(ADD_VALUES) : List.of();
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
            default -> throw new UsageException("environment " + sub + ": unknown" + Args.Suggest.closest(sub, SUBCOMMANDS)
                    .map(s -> "; did you mean environment " + s + "?").orElse("; use add, switch or list"));
        };
    }

    private CommandResult list(KernelContext ctx, ConfigStore store, List<String> args) {
        Args a = Args.parse(args, Set.of(), Set.of("--json"));
        var project = store.load().project();
        if (ctx.console().jsonRequested() || a.flag("--json")) {
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

    private CommandResult add(KernelContext ctx, ConfigStore store, List<String> args) {
        Args a = Args.parse(args, ADD_VALUES, Set.of("--insecure"));
        String name = safeName(a.positional(0, "the environment name (environment add production --server HOST)"));
        String server = a.value("--server").orElseThrow(() -> new UsageException("environment add needs --server HOST"));
        if (!server.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw new UsageException("--server must be a host name or IP address, got '" + server + "'");
        }
        int port = a.intValue("--port").orElse(8006);
        String tokenId = a.value("--token-id", "");
        String user = a.value("--user", "");
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
        env.provider = a.value("--provider", "proxmox");
        String host = server.contains(":") && !server.startsWith("[") ? "[" + server + "]" : server;
        env.endpoint = "https://" + host + ":" + port;
        env.node = a.value("--node", "");
        env.tokenId = tokenId;
        env.username = user;
        env.secretEnv = a.value("--secret-env", "");
        env.tls.fingerprint = Fingerprints.normalize(a.value("--fingerprint", ""));
        env.tls.caFile = a.value("--ca-file", "");
        env.tls.insecure = a.flag("--insecure");
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

    static String safeName(String name) {
        if (!ProjectConfigs.SAFE_NAME.matcher(name).matches()) {
            throw new UsageException("unsafe name '" + name + "': use letters, digits, '.', '_' and '-' (no '/' or '..')");
        }
        return name;
    }
}
