package dev.proxmoxmpc.plugin.mcp.tools;

import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools a server offers: every command that opted in, read and desired-state tools always, server-changing
 * ones only with {@code --allow-apply}; {@code apply} then only takes a saved plan (its first positional
 * parameter becomes required, and without one it is not offered at all). Pure.
 */
public final class Catalog {
    private final Map<String, CommandTool> tools;
    private final List<String> withheld;

    private Catalog(Map<String, CommandTool> tools, List<String> withheld) {
        this.tools = tools;
        this.withheld = withheld;
    }

    /**
     * @param commands   every loaded command
     * @param allowApply whether server-changing tools are offered
     */
    public static Catalog of(List<ConsoleCommand> commands, boolean allowApply) {
        Map<String, CommandTool> tools = new LinkedHashMap<>();
        List<String> withheld = new ArrayList<>();
        List<CommandTool> all = new ArrayList<>();
        for (ConsoleCommand c : commands) {
            Declarations.tool(c).ifPresent(all::add);
        }
        all.sort(Comparator.comparing(CommandTool::name));
        for (CommandTool t : all) {
            if (t.safety() == Safety.SERVER_CHANGING) {
                if (!allowApply) {
                    withheld.add(t.name() + " (start the server with --allow-apply)");
                    continue;
                }
                if (t.command().equals("apply")) {
                    Optional<CommandTool> saved = savedPlanOnly(t);
                    if (saved.isEmpty()) {
                        withheld.add("apply (this version's /apply takes no saved plan file)");
                        continue;
                    }
                    t = saved.get();
                }
            }
            tools.putIfAbsent(t.name(), t);
        }
        return new Catalog(tools, List.copyOf(withheld));
    }

    /** @return apply with its plan-file parameter required, or empty when it has none */
    static Optional<CommandTool> savedPlanOnly(CommandTool apply) {
        List<ToolParam> positionals = apply.positionals();
        if (positionals.isEmpty()) {
            return Optional.empty();
        }
        ToolParam file = positionals.get(0);
        List<ToolParam> params = apply.params().stream()
                .map(p -> p == file ? new ToolParam(p.property(), p.kind(), p.option(), p.index(), p.multi(), true) : p)
                .toList();
        Map<String, Object> schema = new LinkedHashMap<>(apply.inputSchema());
        List<String> required = new ArrayList<>();
        Object before = schema.get("required");
        if (before instanceof List<?> list) {
            list.forEach(r -> required.add(r.toString()));
        }
        if (!required.contains(file.property())) {
            required.add(0, file.property());
        }
        schema.put("required", required);
        String description = apply.description() + " Applies only a saved plan (plan --out FILE), exactly as it was "
                + "made and approved, after the person confirms.";
        return Optional.of(new CommandTool(apply.name(), apply.command(), description, apply.safety(), params, schema));
    }

    public List<CommandTool> tools() {
        return List.copyOf(tools.values());
    }

    public Optional<CommandTool> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** @return tools that opted in but are not offered, with why */
    public List<String> withheld() {
        return withheld;
    }
}
