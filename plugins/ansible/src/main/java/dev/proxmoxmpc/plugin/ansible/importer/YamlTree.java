package dev.proxmoxmpc.plugin.ansible.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one YAML document into {@link YamlNode}s that remember their lines (Jackson's streaming YAML parser). */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String source;
    private final List<Diagnostic> diagnostics;

    /**
     * @param source      the file name used in diagnostics ({@code ansible/inventory.yml})
     * @param diagnostics where duplicate keys and syntax errors are reported
     */
    YamlTree(String source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** @return the first document, or empty for an empty file or a syntax error (reported). */
    Optional<YamlNode> read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return Optional.empty();
            }
            YamlNode root = value(p, t);
            if (p.nextToken() != null) {
                diagnostics.add(Diagnostic.warning("only the first YAML document is read", at(p)));
            }
            return Optional.of(root);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 0;
            diagnostics.add(Diagnostic.error("not valid YAML: " + msg, line > 0 ? source + ":" + line : source));
            return Optional.empty();
        }
    }

    private YamlNode value(JsonParser p, JsonToken t) throws IOException {
        int line = line(p);
        return switch (t) {
            case START_OBJECT -> mapping(p, line);
            case START_ARRAY -> sequence(p, line);
            case VALUE_NULL -> new YamlNode.Scalar(null, line);
            default -> new YamlNode.Scalar(p.getText(), line);
        };
    }

    private YamlNode mapping(JsonParser p, int line) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line(p);
            YamlNode v = value(p, p.nextToken());
            if (entries.containsKey(key)) {
                diagnostics.add(Diagnostic.warning("duplicate key '" + key + "' ignored (first at line "
                        + entries.get(key).line() + ")", source + ":" + keyLine));
            } else {
                entries.put(key, new YamlNode.Entry(key, keyLine, v));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unexpected " + t);
        }
        return new YamlNode.Mapping(entries, line);
    }

    private YamlNode sequence(JsonParser p, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            items.add(value(p, t));
        }
        return new YamlNode.Sequence(items, line);
    }

    private String at(JsonParser p) {
        return source + ":" + line(p);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
