package dev.proxmoxmpc.plugin.simulator.http;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads parameters as pve-http-server does: query string and form or JSON body merged (the query wins), repeated
 * keys joined with NUL, JSON booleans as 0/1, {@code _dc} dropped.
 */
final class RequestParams {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestParams() {
    }

    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.merge(k, v, (a, b) -> a + "\0" + b);
        }
        return out;
    }

    static Map<String, String> json(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiException.failed("malformed JSON string: " + String.valueOf(e.getMessage()).split("\n")[0]);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return out;
        }
        if (!root.isObject()) {
            throw ApiException.failed("JSON body must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), scalar(e.getValue()));
        }
        return out;
    }

    private static String scalar(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? "1" : "0";
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            v.forEach(x -> sb.append(sb.length() > 0 ? "\0" : "").append(scalar(x)));
            return sb.toString();
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
