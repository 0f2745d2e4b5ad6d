package dev.proxmoxmpc.kernel.backend;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The row count and a content hash of one table, the same on SQLite and PostgreSQL for the same rows: each row is
 * hashed over its columns by name with values in one canonical text form (numbers without type or trailing zeros,
 * booleans as 1/0), and the sorted row hashes hashed again, so neither row order nor collation matters.
 *
 * @param table the table
 * @param rows  its row count
 * @param sha256 the content hash, hex
 */
record TableDigest(String table, long rows, String sha256) {

    /** @return the digest of {@code table} as {@code c} sees it, leaving out rows {@code skip} matches */
    static TableDigest of(Connection c, StateTables.Table table, Predicate<Map<String, Object>> skip) throws SQLException {
        List<String> rowHashes = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(select(table))) {
            while (r.next()) {
                Map<String, Object> row = row(r, table);
                if (!skip.test(row)) {
                    rowHashes.add(hex(sha().digest(canonical(row).getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        Collections.sort(rowHashes);
        MessageDigest all = sha();
        rowHashes.forEach(h -> all.update(h.getBytes(StandardCharsets.US_ASCII)));
        return new TableDigest(table.name(), rowHashes.size(), hex(all.digest()));
    }

    /** @return {@code SELECT "a", "b" FROM "t"} */
    static String select(StateTables.Table table) {
        return "SELECT " + String.join(", ", table.columns().keySet().stream().map(TableDigest::quote).toList())
                + " FROM " + quote(table.name());
    }

    static Map<String, Object> row(ResultSet r, StateTables.Table table) throws SQLException {
        Map<String, Object> row = new TreeMap<>();
        int i = 1;
        for (String col : table.columns().keySet()) {
            row.put(col, r.getObject(i++));
        }
        return row;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String canonical(Map<String, Object> row) {
        StringBuilder b = new StringBuilder();
        row.forEach((col, v) -> b.append(col).append('\u001f').append(value(v)).append('\u001e'));
        return b.toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "\u0000null";
        }
        if (v instanceof Boolean bool) {
            return bool ? "1" : "0";
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof byte[] bytes) {
            return "x'" + hex(bytes) + "'";
        }
        return "'" + v + "'";
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
