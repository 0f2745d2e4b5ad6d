package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.state.StateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Opens state stores: SQLite in {@code .proxmox/state.db}, or PostgreSQL; migrates the schema at open. */
public final class StateStores {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StateStores() {}

    /** Whether a missing SQLite file may be created. */
    public enum Missing { CREATE, FAIL }

    /**
     * Opens (and migrates) a SQLite state database.
     *
     * @param db         the database file ({@code .proxmox/state.db})
     * @param historyDir where snapshot documents go
     * @param missing    whether to create a missing file ({@code /init}) or refuse ({@code FAIL}: everything else)
     * @throws StateException one line, when the file is missing, corrupt or cannot be migrated; the file is then
     *                        left exactly as it was
     */
    public static MyBatisStateStore sqlite(Path db, Path historyDir, Clock clock, Missing missing) {
        String shown = shown(db);
        if (!Files.exists(db) && missing == Missing.FAIL) {
            throw new StateException("the state database " + shown + " is missing; restore it from a backup, "
                    + "or run /init --force to create an empty one (then /sync)");
        }
        checkSqliteHeader(db, shown);
        Properties props = new Properties();
        props.setProperty("journal_mode", "WAL");
        props.setProperty("foreign_keys", "true");
        props.setProperty("busy_timeout", "10000");
        props.setProperty("synchronous", "NORMAL");
        // Writers announce themselves at BEGIN, so a read-then-write transaction waits (busy timeout) instead of
        // failing when another connection writes first.
        props.setProperty("transaction_mode", "IMMEDIATE");
        PooledDataSource ds = new PooledDataSource(StateStores.class.getClassLoader(), "org.sqlite.JDBC",
                "jdbc:sqlite:" + db.toAbsolutePath(), props);
        ds.setPoolMaximumActiveConnections(4);
        ds.setPoolMaximumIdleConnections(2);
        return open(ds, "sqlite", null, historyDir, clock, shown);
    }

    /**
     * Opens (and migrates) a PostgreSQL state database.
     *
     * @param schema the schema to use (created when missing), or {@code ""} for the user's default
     */
    public static MyBatisStateStore postgresql(String url, String user, String password, String schema, Path historyDir,
                                               Clock clock) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        if (!schema.isEmpty()) {
            props.setProperty("currentSchema", schema);
        }
        // Names this process to the server, so /state info on another machine can tell whether a lock's holder is alive.
        props.setProperty("ApplicationName", LocalProcess.connectionName(LocalProcess.pid(), LocalProcess.host()));
        PooledDataSource ds = new PooledDataSource(StateStores.class.getClassLoader(), "org.postgresql.Driver", url, props);
        ds.setPoolMaximumActiveConnections(4);
        String shown = url.replaceAll("password=[^&]*", "password=***") + (schema.isEmpty() ? "" : " schema " + schema);
        return open(ds, "postgresql", schema.isEmpty() ? null : schema, historyDir, clock, shown);
    }

    private static MyBatisStateStore open(PooledDataSource ds, String dialect, String schema, Path historyDir, Clock clock,
                                          String shown) {
        try {
            // Flyway gets connections of its own: it checks isClosed() on a connection after closing it, which a
            // pooled connection answers with an exception Flyway logs (with a stack trace) on every start.
            UnpooledDataSource plain = new UnpooledDataSource(StateStores.class.getClassLoader(), ds.getDriver(), ds.getUrl(),
                    ds.getDriverProperties());
            if (!SchemaCheck.current(plain, dialect, schema)) {
                migrate(plain, dialect, schema);
            }
            Configuration cfg = new Configuration(new Environment("state", new JdbcTransactionFactory(), ds));
            cfg.setCallSettersOnNulls(true);
            cfg.addMapper(StateMapper.class);
            SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(cfg);
            return new MyBatisStateStore(factory, ds::forceCloseAll, historyDir, clock, shown, dialect.equals("postgresql"));
        } catch (FlywayException | org.apache.ibatis.exceptions.PersistenceException e) {
            ds.forceCloseAll();
            if (StateErrors.corrupt(e)) {
                throw corrupt(shown, e);
            }
            throw new StateException("cannot open the state database " + shown + ": " + StateErrors.describe(e), e);
        } catch (RuntimeException e) {
            ds.forceCloseAll();
            throw e;
        }
    }

    /** Applies the versioned migrations under {@code db/migration/<dialect>}. */
    static void migrate(DataSource ds, String dialect, String schema) {
        migrateTo(ds, dialect, schema, "latest");
    }

    /**
     * Applies the migrations under {@code db/migration/<dialect>} up to {@code version} ({@code /state migrate}
     * brings a new target to its source's version before copying).
     *
     * @param schema  the PostgreSQL schema (created when missing), or null
     * @param version a Flyway version ({@code 4}), or {@code latest}
     */
    public static void migrateTo(DataSource ds, String dialect, String schema, String version) {
        var config = Flyway.configure(StateStores.class.getClassLoader())
                .target(version)
                .dataSource(ds)
                .locations("classpath:db/migration/" + dialect)
                .failOnMissingLocations(true);
        if (schema != null) {
            config = config.schemas(schema).createSchemas(true);
        }
        config.load().migrate();
    }

    private static void checkSqliteHeader(Path db, String shown) {
        if (!Files.exists(db)) {
            return;
        }
        try (InputStream in = Files.newInputStream(db)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length == 0) {
                // SQLite would take a 0-byte file as a new empty database: the project would silently look empty
                // (a truncated copy, a full disk). The same one line as any other damaged file.
                throw corrupt(shown, null);
            }
            if (!Arrays.equals(head, SQLITE_HEADER)) {
                throw corrupt(shown, null);
            }
        } catch (IOException e) {
            throw new StateException("cannot read the state database " + shown + ": " + e.getMessage(), e);
        }
    }

    private static StateException corrupt(String shown, Throwable cause) {
        return new StateException("the state database " + shown + " is not a valid SQLite database (corrupt); "
                + "move it away and restore a backup, or run /init --force to start an empty one", cause);
    }

    private static String shown(Path db) {
        Path parent = db.toAbsolutePath().getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(".proxmox")
                ? ".proxmox/" + db.getFileName() : db.toString();
    }
}
