package dev.proxmoxmpc.plugin.mcp.tools;

import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Turns a command's picocli declaration into a tool: the same options, types, descriptions and required inputs as
 * a JSON schema. Only commands that opt in with {@link AssistantTool} become tools, and never those that handle
 * secrets, approvals, locks or restores, whatever they declare. Pure.
 */
public final class Declarations {
    /** Command names (first word) that are never tools: secrets, approvals, locks, restores, and meta-commands. */
    static final Set<String> NEVER = Set.of("token", "approve", "unlock", "restore", "init", "environment", "mcp",
            "run", "exit", "demo", "simulator", "workspace", "state");

    private Declarations() {
    }

    /** @return whether a command of this name may never be a tool */
    public static boolean forbidden(String commandName) {
        String first = commandName.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        return NEVER.contains(first);
    }

    /** @return the command's tool, or empty when it has not opted in or may never be one */
    public static Optional<CommandTool> tool(ConsoleCommand command) {
        AssistantTool opt = command.getClass().getAnnotation(AssistantTool.class);
        if (opt == null) {
            return Optional.empty();
        }
        CommandSpec spec = command.declaration().orElseGet(() -> CommandSpec.forAnnotatedObject(command));
        if (forbidden(spec.name())) {
            return Optional.empty();
        }
        return Optional.of(tool(spec, opt.value()));
    }

    /** @return the tool of a declaration with a safety class */
    public static CommandTool tool(CommandSpec spec, Safety safety) {
        List<ToolParam> params = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || o.usageHelp() || o.versionHelp()) {
                continue;
            }
            String longest = Arrays.stream(o.names()).max(Comparator.comparingInt(String::length)).orElseThrow();
            String property = property(longest);
            boolean flag = isBoolean(o.type()) && o.arity().max() == 0;
            ToolParam p = new ToolParam(property, flag ? ToolParam.Kind.FLAG : ToolParam.Kind.OPTION, longest, -1,
                    o.isMultiValue(), o.required());
            params.add(p);
            properties.put(property, schema(o, flag));
            if (o.required()) {
                required.add(property);
            }
        }
        for (PositionalParamSpec pp : spec.positionalParameters()) {
            if (pp.hidden()) {
                continue;
            }
            String property = property(pp.paramLabel());
            boolean req = pp.arity().min() > 0;
            params.add(new ToolParam(property, ToolParam.Kind.POSITIONAL, "", pp.index().min(), pp.isMultiValue(), req));
            properties.put(property, schema(pp, false));
            if (req) {
                required.add(property);
            }
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("type", "object");
        input.put("properties", properties);
        if (!required.isEmpty()) {
            input.put("required", required);
        }
        input.put("additionalProperties", false);
        String summary = spec.usageMessage().description().length == 0 ? spec.name()
                : String.join(" ", spec.usageMessage().description());
        return new CommandTool(toolName(spec.name()), spec.name(), summary + " " + note(safety), safety,
                List.copyOf(params), input);
    }

    /** @return {@code list vms} as {@code list_vms} */
    public static String toolName(String commandName) {
        return commandName.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static String property(String label) {
        String s = label.replaceAll("^-+", "").replace("|", "_or_").toLowerCase(Locale.ROOT);
        return s.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    private static String note(Safety safety) {
        return switch (safety) {
            case READ -> "(Read-only: changes nothing.)";
            case DESIRED_STATE -> "(Changes only the project's desired state, never the server; answers with the "
                    + "resulting plan. Nothing reaches the server until a person applies a plan.)";
            case SERVER_CHANGING -> "(Changes the server: the person is asked to confirm each call.)";
        };
    }

    private static Map<String, Object> schema(ArgSpec arg, boolean flag) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (flag) {
            s.put("type", "boolean");
        } else if (arg.isMultiValue()) {
            Class<?>[] aux = arg.auxiliaryTypes();
            s.put("type", "array");
            s.put("items", scalar(aux.length > 0 ? aux[aux.length - 1] : String.class));
        } else {
            s.putAll(scalar(arg.type()));
        }
        String description = String.join(" ", arg.description()).strip();
        String label = arg.paramLabel();
        if (!flag && label != null && !label.isBlank() && !java.util.regex.Pattern.compile("(?<![\\w-])" + java.util.regex.Pattern.quote(label) + "(?![\\w-])")
                .matcher(description).find()) {
            description = (description.isEmpty() ? "" : description + " ") + "(" + label + ")";
        }
        if (!description.isEmpty()) {
            s.put("description", description);
        }
        if (!flag && arg.completionCandidates() instanceof FixedCandidates fixed && !s.containsKey("enum")) {
            List<String> values = new ArrayList<>();
            fixed.forEach(values::add);
            if (!values.isEmpty()) {
                s.put("examples", values); // what Tab offers; the command itself checks the value
            }
        }
        return s;
    }

    private static Map<String, Object> scalar(Class<?> type) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (isBoolean(type)) {
            s.put("type", "boolean");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            s.put("type", "integer");
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            s.put("type", "number");
        } else if (type.isEnum()) {
            s.put("type", "string");
            s.put("enum", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        } else {
            s.put("type", "string");
        }
        return s;
    }

    private static boolean isBoolean(Class<?> type) {
        return type == boolean.class || type == Boolean.class;
    }
}
