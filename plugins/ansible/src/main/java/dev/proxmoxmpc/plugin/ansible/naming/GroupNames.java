package dev.proxmoxmpc.plugin.ansible.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Valid, collision-free Ansible group names ({@code [A-Za-z_][A-Za-z0-9_]*}) for Proxmox names (tags, pools,
 * nodes). A name becomes {@code <prefix>_<sanitised>}: dashes, dots and other punctuation turn into {@code _},
 * accented letters lose their accent, other non-ASCII characters become {@code u<hex>}. When two names give the
 * same group, each one that was changed gets a short hash of its original appended, so the mapping depends only
 * on the set of names, never on their order.
 */
public final class GroupNames {
    private GroupNames() {}

    /**
     * @param prefix    the group prefix ({@code tag}, {@code pool}, {@code node})
     * @param originals the Proxmox names
     * @return original name to group name, sorted by original
     */
    public static Map<String, String> assign(String prefix, Collection<String> originals) {
        TreeSet<String> names = new TreeSet<>(originals);
        Map<String, List<String>> byBase = new HashMap<>();
        for (String n : names) {
            byBase.computeIfAbsent(prefix + "_" + sanitize(n), k -> new java.util.ArrayList<>()).add(n);
        }
        Map<String, String> out = new TreeMap<>();
        for (String n : names) {
            String base = prefix + "_" + sanitize(n);
            boolean exact = sanitize(n).equals(n);
            out.put(n, byBase.get(base).size() == 1 || exact ? base : base + "_" + shortHash(n));
        }
        return out;
    }

    /** @return the inverse of {@link #assign}: group name to original name. */
    public static Map<String, String> inverse(String prefix, Collection<String> originals) {
        Map<String, String> out = new TreeMap<>();
        assign(prefix, originals).forEach((orig, group) -> out.put(group, orig));
        return out;
    }

    /** @return {@code text} with every character outside {@code [A-Za-z0-9_]} replaced; never empty. */
    public static String sanitize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder();
        decomposed.codePoints().forEach(cp -> {
            if (cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_')) {
                sb.append((char) cp);
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                // an accent split off by NFD: dropped, the base letter was kept
            } else if (cp < 128) {
                sb.append('_');
            } else {
                sb.append('u').append(Integer.toHexString(cp));
            }
        });
        return sb.length() == 0 ? "_" : sb.toString();
    }

    /** @return whether {@code name} is a valid Ansible group name. */
    public static boolean valid(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
