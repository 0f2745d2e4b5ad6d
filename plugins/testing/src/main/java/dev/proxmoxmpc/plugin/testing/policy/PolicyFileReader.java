package dev.proxmoxmpc.plugin.testing.policy;

import dev.proxmoxmpc.spi.diag.Severity;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads policies.yml with line and column numbers for every error. Pure: text in, {@link PolicyFile} out. */
public final class PolicyFileReader {
    private final String file;
    private final String text;

    private PolicyFileReader(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /**
     * @param file the project-relative path, for messages
     * @param text the file's content
     * @throws PolicyFileException naming file, line and column of what is wrong
     */
    public static PolicyFile read(String file, String text) {
        return new PolicyFileReader(file, text).read();
    }

    private PolicyFile read() {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new PolicyFileException(file + ":" + (e.getProblemMark().getLine() + 1) + ":" + (e.getProblemMark().getColumn() + 1)
                    + ": not valid YAML: " + e.getProblem());
        }
        if (root == null) {
            return PolicyFile.NONE;
        }
        Map<String, RuleSetting> rules = Map.of();
        Map<String, Map<String, RuleSetting>> environments = new LinkedHashMap<>();
        List<CustomRule> custom = new ArrayList<>();
        for (NodeTuple t : mapping(root, "the file").getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            switch (key) {
                case "rules" -> rules = settings(t.getValueNode());
                case "environments" -> {
                    for (NodeTuple e : mapping(t.getValueNode(), "environments").getValue()) {
                        Map<String, RuleSetting> env = Map.of();
                        for (NodeTuple r : mapping(e.getValueNode(), "an environment").getValue()) {
                            if (!scalar(r.getKeyNode(), "a key").equals("rules")) {
                                throw error(r.getKeyNode(), "unknown key '" + scalar(r.getKeyNode(), "a key") + "' (expected rules)");
                            }
                            env = settings(r.getValueNode());
                        }
                        environments.put(scalar(e.getKeyNode(), "an environment name"), env);
                    }
                }
                case "custom" -> {
                    if (!(t.getValueNode() instanceof SequenceNode seq)) {
                        throw error(t.getValueNode(), "custom must be a list of rules");
                    }
                    for (Node n : seq.getValue()) {
                        custom.add(customRule(n));
                    }
                }
                default -> throw error(t.getKeyNode(), "unknown key '" + key + "' (expected rules, environments, custom)");
            }
        }
        return new PolicyFile(rules, environments, custom);
    }

    private Map<String, RuleSetting> settings(Node node) {
        Map<String, RuleSetting> out = new LinkedHashMap<>();
        if (node instanceof ScalarNode s && s.getValue().isEmpty()) {
            return out;
        }
        for (NodeTuple t : mapping(node, "rules").getValue()) {
            out.put(scalar(t.getKeyNode(), "a rule id"), setting(t.getValueNode()));
        }
        return out;
    }

    private RuleSetting setting(Node node) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue().trim().toLowerCase(Locale.ROOT);
            if (v.equals("off") || v.equals("false")) {
                return new RuleSetting(false, Optional.empty(), Map.of());
            }
            if (v.equals("on") || v.equals("true")) {
                return RuleSetting.DEFAULT;
            }
            return new RuleSetting(true, Optional.of(severity(s)), Map.of());
        }
        boolean enabled = true;
        Optional<Severity> severity = Optional.empty();
        Map<String, Object> options = new LinkedHashMap<>();
        for (NodeTuple t : mapping(node, "a rule setting").getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            if (key.equals("severity")) {
                severity = Optional.of(severity(t.getValueNode()));
            } else if (key.equals("enabled")) {
                enabled = !scalar(t.getValueNode(), "enabled").matches("(?i)false|off|no|0");
            } else {
                options.put(key, value(t.getValueNode()));
            }
        }
        return new RuleSetting(enabled, severity, options);
    }

    private CustomRule customRule(Node node) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : mapping(node, "a custom rule").getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            if (!List.of("id", "severity", "why", "fix", "applies_to", "expr", "message").contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in a custom rule (expected id, severity, why, fix, applies_to, expr, message)");
            }
            fields.put(key, t.getValueNode());
        }
        if (!fields.containsKey("id")) {
            throw error(node, "a custom rule needs an id");
        }
        if (!fields.containsKey("expr")) {
            throw error(node, "custom rule '" + scalar(fields.get("id"), "id") + "' needs an expr");
        }
        String id = scalar(fields.get("id"), "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw error(fields.get("id"), "rule id '" + id + "' must be lower-case words joined by -");
        }
        String appliesTo = fields.containsKey("applies_to") ? scalar(fields.get("applies_to"), "applies_to") : "guests";
        if (!List.of("guests", "vms", "containers", "templates").contains(appliesTo)) {
            throw error(fields.get("applies_to"), "applies_to must be guests, vms, containers or templates, not '" + appliesTo + "'");
        }
        ScalarNode expr = (ScalarNode) requireScalar(fields.get("expr"), "expr");
        return new CustomRule(id, fields.containsKey("severity") ? severity(fields.get("severity")) : Severity.WARNING,
                text(fields.get("why")), text(fields.get("fix")), appliesTo, expr.getValue(), text(fields.get("message")), position(expr));
    }

    private CustomRule.Position position(ScalarNode s) {
        int line = s.getStartMark().getLine() + 1;
        int column = s.getStartMark().getColumn() + 1;
        DumperOptions.ScalarStyle style = s.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
            String[] lines = text.split("\n", -1);
            int first = line;
            while (first < lines.length && lines[first].isBlank()) {
                first++;
            }
            String content = first < lines.length ? lines[first] : "";
            int indent = content.length() - content.stripLeading().length();
            return new CustomRule.Position(file, first + 1, indent + 1, true);
        }
        boolean quoted = style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        return new CustomRule.Position(file, line, column + (quoted ? 1 : 0), false);
    }

    private String text(Node n) {
        return n == null ? "" : scalar(n, "a text");
    }

    private Severity severity(Node n) {
        String v = scalar(n, "a severity").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "error" -> Severity.ERROR;
            case "warning", "warn" -> Severity.WARNING;
            case "info" -> Severity.INFO;
            default -> throw error(n, "severity must be error, warning, info or off, not '" + v + "'");
        };
    }

    private Object value(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            if (s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && v.matches("-?\\d+(\\.\\d+)?")) {
                return v.contains(".") ? (Object) Double.parseDouble(v) : (Object) Long.parseLong(v);
            }
            return v;
        }
        if (n instanceof SequenceNode seq) {
            return seq.getValue().stream().map(this::value).toList();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (NodeTuple t : mapping(n, "a value").getValue()) {
            m.put(scalar(t.getKeyNode(), "a key"), value(t.getValueNode()));
        }
        return m;
    }

    private MappingNode mapping(Node n, String what) {
        if (n instanceof MappingNode m) {
            return m;
        }
        throw error(n, what + " must be a mapping (key: value)");
    }

    private Node requireScalar(Node n, String what) {
        if (n instanceof ScalarNode) {
            return n;
        }
        throw error(n, what + " must be a single value");
    }

    private String scalar(Node n, String what) {
        return ((ScalarNode) requireScalar(n, what)).getValue();
    }

    private PolicyFileException error(Node n, String message) {
        return new PolicyFileException(file + ":" + (n.getStartMark().getLine() + 1) + ":" + (n.getStartMark().getColumn() + 1) + ": " + message);
    }
}
