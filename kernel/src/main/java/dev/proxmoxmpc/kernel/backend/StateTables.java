package dev.proxmoxmpc.kernel.backend;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of a state database as its migrations made them, read from the JDBC metadata (so a table or column a
 * later migration adds is copied without a change here), in foreign-key order: parents before children.
 */
final class StateTables {
    /** Flyway's own bookkeeping: each side has its own, written by its own migration run. */
    static final String HISTORY = "flyway_schema_history";

    private StateTables() {}

    /**
     * One table.
     *
     * @param name    its name, lower case
     * @param columns its columns by name (lower case) with their {@link java.sql.Types} code, in table order
     */
    record Table(String name, Map<String, Integer> columns) {
        Table {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    /** @return the state tables of the connection's current schema (SQLite: the file), parents first */
    static List<Table> list(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = schemaPattern(c, md);
        Map<String, Table> tables = new TreeMap<>();
        Map<String, TreeSet<String>> parents = new TreeMap<>();
        try (ResultSet r = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                String name = r.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals(HISTORY) || lower.startsWith("sqlite_")) {
                    continue;
                }
                tables.put(lower, new Table(lower, columns(md, schema, name)));
                parents.put(lower, parents(md, schema, name));
            }
        }
        return ordered(tables, parents);
    }

    private static String schemaPattern(Connection c, DatabaseMetaData md) throws SQLException {
        String schema = c.getSchema();
        if (schema == null || !md.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return null;
        }
        return escaped(md, schema);
    }

    /** @return {@code name} as a metadata search pattern matching only itself ({@code _} is a wildcard there) */
    private static String escaped(DatabaseMetaData md, String name) throws SQLException {
        String escape = md.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static Map<String, Integer> columns(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<String, Integer> cols = new LinkedHashMap<>();
        try (ResultSet r = md.getColumns(null, schema, table, "%")) {
            while (r.next()) {
                if (!r.getString("TABLE_NAME").equals(table)) {
                    continue;
                }
                cols.put(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), r.getInt("DATA_TYPE"));
            }
        }
        return cols;
    }

    private static TreeSet<String> parents(DatabaseMetaData md, String schema, String table) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        try (ResultSet r = md.getImportedKeys(null, schema, table)) {
            while (r.next()) {
                String parent = r.getString("PKTABLE_NAME");
                if (parent != null && !parent.equalsIgnoreCase(table)) {
                    out.add(parent.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Kahn's order, ties by name, so both sides list the same tables in the same order. */
    private static List<Table> ordered(Map<String, Table> tables, Map<String, TreeSet<String>> parents) {
        List<Table> out = new ArrayList<>();
        TreeSet<String> done = new TreeSet<>();
        while (out.size() < tables.size()) {
            String next = tables.keySet().stream().filter(t -> !done.contains(t))
                    .filter(t -> parents.get(t).stream().allMatch(p -> done.contains(p) || !tables.containsKey(p)))
                    .findFirst().orElseGet(() -> tables.keySet().stream().filter(t -> !done.contains(t)).findFirst()
                            .orElseThrow());
            done.add(next);
            out.add(tables.get(next));
        }
        return out;
    }
}
