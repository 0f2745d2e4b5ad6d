package dev.proxmoxmpc.plugin.terraform.hcl;

import java.text.Normalizer;
import java.util.Locale;

/** Makes Terraform resource names (identifiers) from guest names: {@code web-01 -> web_01}, {@code Café -> cafe}. */
public final class ResourceNames {
    private ResourceNames() {}

    /**
     * @param name     the label ({@code web-01}), may be empty or non-Latin
     * @param fallback used when nothing of the name survives ({@code vm_101})
     * @return a valid identifier: lower case letters, digits and {@code _}, starting with a letter or {@code _}
     */
    public static String of(String name, String fallback) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder();
        for (char c : ascii.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (ok) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        if (sb.length() == 0) {
            return fallback;
        }
        if (Character.isDigit(sb.charAt(0))) {
            sb.insert(0, fallback.replaceAll("_.*", "") + "_");
        }
        return sb.toString();
    }
}
