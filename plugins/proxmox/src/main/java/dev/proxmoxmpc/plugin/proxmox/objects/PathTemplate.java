package dev.proxmoxmpc.plugin.proxmox.objects;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code /cluster/backup/{id}} from parameters: the path, and the parameters left for the body. */
public record PathTemplate(String path, Map<String, String> body) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    public static PathTemplate fill(String template, Map<String, String> params) {
        Map<String, String> body = new LinkedHashMap<>(params);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = body.remove(m.group(1));
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(segment(value)));
        }
        m.appendTail(out);
        return new PathTemplate(out.toString(), body);
    }

    /** PVE ids may hold ':' or '@' ({@code vm:101}, {@code alice@pve}): kept as they are, anything else escaped. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":").replace("%40", "@");
    }
}
