package dev.proxmoxmpc.kernel.backend;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.StateBackendConfig;
import dev.proxmoxmpc.kernel.state.LocalProcess;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.LockHeldException;
import dev.proxmoxmpc.spi.state.StateLock;
import dev.proxmoxmpc.spi.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Moves a project's state between SQLite and PostgreSQL: holds the source's {@code apply} lock (no /apply or /sync
 * writes meanwhile), copies and verifies every table, and only then switches config.yml. The source keeps its
 * rows; a {@code state.db} that a move back to SQLite would replace is kept as {@code state.db.bak-<time>}.
 */
final class StateMigration {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final Workspace ws;
    private final Function<String, String> env;
    private final Function<String, String> secret;

    /**
     * @param env    environment variables of the run
     * @param secret the project's secrets by name (the PostgreSQL password of a config without password_env)
     */
    StateMigration(Workspace ws, Function<String, String> env, Function<String, String> secret) {
        this.ws = ws;
        this.env = env;
        this.secret = secret;
    }

    /**
     * @param store  the open project's store (the source): its apply lock is held during the copy
     * @param target the PostgreSQL target, or null to move to SQLite
     */
    MigrationResult run(StateStore store, StateBackendConfig current, PostgresTarget target, String owner, Instant now) {
        StateDatabase from = database(current);
        StateDatabase to;
        Path temp = null;
        if (target != null) {
            if (current.postgresql() && current.url().equals(target.url()) && current.schema().equals(target.schema())) {
                throw new UsageException("the state is already in " + target.shown());
            }
            String password = PostgresCheck.password(target, env);
            PostgresCheck.check(target, password);
            to = StateDatabase.postgresql(target, password);
        } else {
            if (!current.postgresql()) {
                throw new UsageException("the state is already in SQLite (.proxmox/state.db)");
            }
            temp = ws.stateDb().resolveSibling("state.db.migrating-" + STAMP.format(now));
            deleteDb(temp);
            to = StateDatabase.sqlite(temp, ".proxmox/state.db");
        }
        StateCopy.Copied copied;
        try (StateLock lock = takeLock(store, owner)) {
            copied = new StateCopy(ownLock()).copy(from, to);
        } catch (RuntimeException e) {
            if (temp != null) {
                deleteDb(temp);
            }
            throw e;
        }
        String backup = "";
        if (temp != null) {
            backup = replaceStateDb(temp, now);
        }
        switchConfig(target);
        List<MigrationResult.Table> tables = copied.tables().stream()
                .map(t -> new MigrationResult.Table(t.table(), t.rows(), t.sha256())).toList();
        return new MigrationResult(from.shown(), to.shown(), copied.version(), tables, backup);
    }

    private StateDatabase database(StateBackendConfig current) {
        if (!current.postgresql()) {
            return StateDatabase.sqlite(ws.stateDb(), ".proxmox/state.db");
        }
        PostgresTarget t = PostgresTarget.of(current);
        String password = current.passwordEnv().isEmpty()
                ? Objects.requireNonNullElse(secret.apply(StateBackendConfig.PASSWORD_SECRET), "")
                : PostgresCheck.password(t, env);
        return StateDatabase.postgresql(t, password);
    }

    private static StateLock takeLock(StateStore store, String owner) {
        try {
            return store.lock("apply", owner);
        } catch (LockHeldException e) {
            throw new CommandException("cannot migrate the state now: " + e.getMessage());
        }
    }

    /** The lock row this process holds while it copies is not part of the state. */
    private static java.util.function.BiPredicate<String, Map<String, Object>> ownLock() {
        long pid = LocalProcess.pid();
        String host = LocalProcess.host();
        return (table, row) -> table.equals("locks") && host.equals(row.get("host"))
                && row.get("pid") instanceof Number n && n.longValue() == pid;
    }

    /** Keeps a present state.db (with its -wal and -shm) as state.db.bak-TIME, then puts the copy in its place. */
    private String replaceStateDb(Path temp, Instant now) {
        Path db = ws.stateDb();
        String backup = "";
        try {
            if (Files.exists(db)) {
                Path bak = db.resolveSibling("state.db.bak-" + STAMP.format(now));
                for (String suffix : List.of("-wal", "-shm")) {
                    Path side = db.resolveSibling(db.getFileName() + suffix);
                    if (Files.exists(side)) {
                        Files.move(side, bak.resolveSibling(bak.getFileName() + suffix));
                    }
                }
                Files.move(db, bak);
                backup = ".proxmox/" + bak.getFileName();
            }
            Files.move(temp, db, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandException("cannot put the copied state in place of .proxmox/state.db: " + e.getMessage()
                    + "; config.yml is unchanged");
        }
        return backup;
    }

    private void switchConfig(PostgresTarget target) {
        ConfigStore configs = new ConfigStore(ws);
        ConfigDocument doc = configs.read();
        doc.state = target == null ? new ConfigDocument.StateDocument() : target.document();
        configs.write(doc);
    }

    private static void deleteDb(Path file) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // a leftover temporary file: harmless, overwritten next time
            }
        }
    }
}
