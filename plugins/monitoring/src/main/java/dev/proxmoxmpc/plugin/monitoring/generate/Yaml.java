package dev.proxmoxmpc.plugin.monitoring.generate;

/** Scalars for the YAML files written by hand: single-quoted, so nothing in a value can change the structure. */
final class Yaml {
    private Yaml() {
    }

    /** @return {@code 'text'} with single quotes doubled; newlines become spaces */
    static String quote(String text) {
        return "'" + text.replace("\r", " ").replace("\n", " ").replace("'", "''") + "'";
    }
}
