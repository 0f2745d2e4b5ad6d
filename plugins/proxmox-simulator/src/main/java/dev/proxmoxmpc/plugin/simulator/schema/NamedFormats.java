package dev.proxmoxmpc.plugin.simulator.schema;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats the schema refers to by name ({@code pve-tag-list}, {@code mac-addr}, ...). Those whose
 * {@code typetext} shows a property string ({@code [gw=<GatewayIPv4>] [,ip=<...>]}) are checked for unknown keys
 * with the keys that typetext names; names the simulator does not know are accepted.
 */
public final class NamedFormats {
    private static final Pattern TAG = Pattern.compile("(?i)[a-z0-9_][a-z0-9_\\-+.]*");
    private static final Map<String, Pattern> SIMPLE = Map.ofEntries(
            Map.entry("pve-node", Pattern.compile("(?i)[a-z0-9]([a-z0-9\\-]*[a-z0-9])?")),
            Map.entry("pve-storage-id", Pattern.compile("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]")),
            Map.entry("pve-bridge-id", Pattern.compile("[-_.\\w\\d]+")),
            Map.entry("pve-poolid", Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+){0,2}")),
            Map.entry("pve-configid", Pattern.compile("(?i)[a-z][a-z0-9_\\-]*")),
            Map.entry("pve-iface", Pattern.compile("[a-zA-Z][a-zA-Z0-9_.\\-]{1,20}")),
            Map.entry("mac-addr", Pattern.compile("(?i)[0-9a-f][02468ace](:[0-9a-f]{2}){5}")),
            Map.entry("ipv4", Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}")),
            Map.entry("CIDRv4", Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}")),
            Map.entry("pve-vmid", Pattern.compile("\\d+")),
            Map.entry("pve-userid", Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+")),
            Map.entry("pve-groupid", Pattern.compile("[A-Za-z0-9.\\-_]+")),
            Map.entry("pve-roleid", Pattern.compile("[A-Za-z0-9.\\-_]+")),
            Map.entry("pve-tokenid", Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+![A-Za-z][A-Za-z0-9.\\-_]+")),
            Map.entry("pve-ha-resource-or-vm-id", Pattern.compile("[a-z]+:\\S+|\\d+")));
    /** Formats whose verifier dies with its own text instead of the generic one. */
    private static final Map<String, String> MESSAGES = Map.of(
            "pve-ha-resource-or-vm-id", "value does not look like a valid ha resource id");
    private static final Pattern LIST_SEP = Pattern.compile("[,; ]+");
    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9_\\-]+)=<");

    private NamedFormats() {
    }

    /** @return an error text, or {@code null} when valid or the format is not known. */
    public static String check(String name, String value, String typetext) {
        if (name.equals("pve-tag-list")) {
            for (String tag : LIST_SEP.split(value)) {
                if (!tag.isEmpty() && !TAG.matcher(tag).matches()) {
                    return "invalid tag '" + tag + "'";
                }
            }
            return null;
        }
        if (name.endsWith("-list") && SIMPLE.containsKey(name.substring(0, name.length() - 5))) {
            for (String item : LIST_SEP.split(value)) {
                String err = check(name.substring(0, name.length() - 5), item, "");
                if (err != null) {
                    return err;
                }
            }
            return null;
        }
        Pattern p = SIMPLE.get(name);
        if (p != null) {
            return p.matcher(value).matches() ? null : MESSAGES.getOrDefault(name, "value does not match format '" + name + "'");
        }
        if (typetext.contains("=<")) {
            return checkKeys(value, typetext);
        }
        return null;
    }

    private static String checkKeys(String value, String typetext) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = KEY.matcher(typetext);
        while (m.find()) {
            keys.add(m.group(1));
        }
        boolean hasDefault = typetext.matches("^\\[*[A-Za-z0-9_\\-]+=\\].*");
        for (String part : value.split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                if (!hasDefault) {
                    return "value without key, but schema does not define a default key";
                }
            } else if (!keys.contains(part.substring(0, eq))) {
                return "invalid key in comma-separated list property: " + part.substring(0, eq);
            }
        }
        return null;
    }
}
