package dev.proxmoxmpc.plugin.docs.diagram;

/** File names from node and guest names. */
public final class Names {
    private Names() {
    }

    /** @return {@code name} with anything but {@code [A-Za-z0-9._-]} replaced by {@code _}, never empty or dotted. */
    public static String file(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return s.isEmpty() ? "_" : s;
    }
}
