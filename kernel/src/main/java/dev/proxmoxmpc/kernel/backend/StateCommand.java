package dev.proxmoxmpc.kernel.backend;

import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.StateBackendConfig;
import dev.proxmoxmpc.kernel.project.ProjectHost;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateStore;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /state info|migrate}: where the project's state lives (backend, location, schema version, table sizes, who
 * holds which lock), and moving it between SQLite and a shared PostgreSQL, verified before config.yml switches.
 */
@Command(name = "state", description = "Show where the state lives, or move it between SQLite and PostgreSQL",
        footer = {"/state info", "/state info --json",
            "/state migrate --to postgresql --state-url jdbc:postgresql://db:5432/mpc --state-user mpc "
                + "--state-password-env MPC_PG_PASSWORD --state-schema lab",
            "/state migrate --to sqlite"})
public final class StateCommand implements ConsoleCommand {
    private static final List<String> ACTIONS = List.of("info", "migrate");
    @Parameters(index = "0", arity = "0..1", paramLabel = "info|migrate", completionCandidates = Actions.class,
            description = "info (the default), or migrate --to sqlite|postgresql")
    private String action = "info";
    @Option(names = "--to", paramLabel = "sqlite|postgresql", completionCandidates = Backends.class,
            description = "migrate: the backend to move the state to")
    private String to = "";
    @Mixin
    private PostgresOptions postgres = new PostgresOptions();

    /** Tab: the actions. */
    static final class Actions extends FixedCandidates {
        Actions() {
            super("info", "migrate");
        }
    }

    /** Tab: the backends. */
    static final class Backends extends FixedCandidates {
        Backends() {
            super("sqlite", "postgresql");
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        return switch (action) {
            case "info" -> info(ctx);
            case "migrate" -> migrate(ctx);
            default -> throw new UsageException("state " + action + ": unknown" + Suggest.closest(action, ACTIONS)
                    .map(s -> "; did you mean state " + s + "?").orElse("; use info or migrate"));
        };
    }

    private CommandResult info(KernelContext ctx) {
        if (!to.isEmpty() || postgres.given()) {
            throw new UsageException("state info takes no --to or --state-* options (they belong to state migrate)");
        }
        StateStore store = ctx.state();
        StateBackendConfig current = new ConfigStore(ctx.workspace()).load().state();
        StateInfo info;
        if (current.postgresql()) {
            PostgresTarget target = PostgresTarget.of(current);
            info = StateInfoReader.read(StateDatabase.postgresql(target, password(ctx, current, target)), null, target,
                    store.locks());
        } else {
            info = StateInfoReader.read(StateDatabase.sqlite(ctx.workspace().stateDb(), ".proxmox/state.db"),
                    ctx.workspace().stateDb(), null, store.locks());
        }
        render(ctx.console(), info);
        return CommandResult.ok();
    }

    private static String password(KernelContext ctx, StateBackendConfig current, PostgresTarget target) {
        return current.passwordEnv().isEmpty()
                ? ctx.secrets().get(StateBackendConfig.PASSWORD_SECRET).orElse("")
                : PostgresCheck.password(target, name -> ProjectHost.env(ctx, name));
    }

    private CommandResult migrate(KernelContext ctx) {
        String backend = to.toLowerCase(Locale.ROOT);
        if (!backend.equals("sqlite") && !backend.equals("postgresql")) {
            throw new UsageException("state migrate needs --to sqlite or --to postgresql");
        }
        PostgresTarget target = null;
        if (backend.equals("postgresql")) {
            target = postgres.target();
        } else if (postgres.given()) {
            throw new UsageException("--state-* options go with --to postgresql");
        }
        long started = System.nanoTime();
        StateStore store = ctx.state();
        StateBackendConfig current = new ConfigStore(ctx.workspace()).load().state();
        MigrationResult result = new StateMigration(ctx.workspace(), name -> ProjectHost.env(ctx, name),
                name -> ctx.secrets().get(name).orElse(null))
                .run(store, current, target, ctx.user() + " running /state migrate", ctx.clock().instant());
        ProjectHost.of(ctx).ifPresent(h -> h.useWorkspace(ctx.workspace().root()));
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "state migrate", result.to(),
                "ok (from " + result.from() + ", " + result.rows() + " rows verified)", (System.nanoTime() - started) / 1_000_000));
        render(ctx.console(), result);
        return CommandResult.ok();
    }

    private static void render(Console console, StateInfo info) {
        if (console.jsonRequested()) {
            console.json(info);
            return;
        }
        console.info("Backend: " + info.backend() + "  Location: " + info.location()
                + (info.user().isEmpty() ? "" : "  User: " + info.user())
                + (info.schema().isEmpty() ? "" : "  Schema: " + info.schema()));
        console.info("Schema version: " + info.schemaVersion() + "  Size: " + size(info.bytes()));
        console.table(new Table(List.of("TABLE", "ROWS"), info.tables().stream()
                .map(t -> List.of(t.table(), String.valueOf(t.rows()))).toList()));
        if (info.locks().isEmpty()) {
            console.info("Locks: none held.");
            return;
        }
        console.table(new Table(List.of("LOCK", "HOLDER", "HOST", "PID", "SINCE", "STATE"), info.locks().stream()
                .map(l -> List.of(l.name(), l.owner(), l.host(), String.valueOf(l.pid()), l.since().toString(), l.state()))
                .toList()));
        if (info.locks().stream().anyMatch(l -> l.state().equals("stale"))) {
            console.warn("A stale lock's process is gone: remove it with /unlock NAME --force (recorded in the audit log).");
        }
    }

    private static void render(Console console, MigrationResult r) {
        if (console.jsonRequested()) {
            console.json(r);
            return;
        }
        console.table(new Table(List.of("TABLE", "ROWS", "SHA-256"), r.tables().stream()
                .map(t -> List.of(t.table(), String.valueOf(t.rows()), t.sha256().substring(0, 16))).toList()));
        console.success("Moved the state from " + r.from() + " to " + r.to() + ": " + r.tables().size() + " tables, "
                + r.rows() + " rows, schema version " + r.schemaVersion() + ", row counts and content hashes equal on both sides.");
        if (!r.backup().isEmpty()) {
            console.info("The former state.db is kept as " + r.backup() + ".");
        }
        console.info("config.yml now names " + r.to() + "; " + r.from() + " was left as it was.");
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " kB" : (bytes / (1024 * 1024)) + " MB";
    }
}
