package dev.proxmoxmpc.kernel.state;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * The quick look before Flyway: when the schema history already records the newest migration this build carries
 * (and no failed one), the schema is current and Flyway (its class loading, classpath scan and checksum validation:
 * about half of opening the store) is not started at all. Any doubt (no history table, an older or newer version, a
 * failed migration, migrations that cannot be listed) answers "not current", and Flyway then runs as before.
 */
final class SchemaCheck {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[^/]*\\.sql");

    private SchemaCheck() {}

    /** @return whether the database at {@code ds} is already at the newest migration of {@code dialect}. */
    static boolean current(DataSource ds, String dialect, String schema) {
        OptionalInt newest = newestMigration(dialect);
        if (newest.isEmpty()) {
            return false;
        }
        String table = (schema == null ? "" : "\"" + schema.replace("\"", "\"\"") + "\".") + "flyway_schema_history";
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, success FROM " + table + " WHERE version IS NOT NULL")) {
            int max = -1;
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                max = Math.max(max, parse(rs.getString(1)));
            }
            return max == newest.getAsInt();
        } catch (SQLException | NumberFormatException e) {
            return false; // no history table yet, or something Flyway should look at
        }
    }

    private static int parse(String version) {
        return Integer.parseInt(version.trim());
    }

    /** @return the highest {@code V<n>__*.sql} under {@code db/migration/<dialect>} of this build, empty when unknown. */
    static OptionalInt newestMigration(String dialect) {
        String dir = "db/migration/" + dialect + "/";
        try {
            var source = StateStores.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return OptionalInt.empty();
            }
            Path location = Path.of(new URI(source.getLocation().toString()));
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(dir))) {
                    return files.map(p -> p.getFileName().toString()).mapToInt(SchemaCheck::version).filter(v -> v > 0).max();
                }
            }
            try (ZipFile jar = new ZipFile(location.toFile())) {
                return jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith(dir))
                        .map(n -> n.substring(dir.length())).mapToInt(SchemaCheck::version).filter(v -> v > 0).max();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static int version(String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
