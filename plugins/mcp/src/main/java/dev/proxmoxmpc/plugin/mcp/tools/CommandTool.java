package dev.proxmoxmpc.plugin.mcp.tools;

import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import java.util.List;
import java.util.Map;

/**
 * A command offered to assistants as a tool, derived from its declaration.
 *
 * @param name        the tool name: the command's words joined by {@code _} ({@code list vms} gives {@code list_vms})
 * @param command     the command's name as typed ({@code list vms})
 * @param description the command's one-line description and what the tool may change
 * @param safety      what a call can change
 * @param params      its inputs, in declaration order
 * @param inputSchema the JSON schema of its inputs
 */
public record CommandTool(String name, String command, String description, Safety safety, List<ToolParam> params,
                          Map<String, Object> inputSchema) {

    /** @return the positional inputs, by index */
    public List<ToolParam> positionals() {
        return params.stream().filter(p -> p.kind() == ToolParam.Kind.POSITIONAL)
                .sorted(java.util.Comparator.comparingInt(ToolParam::index)).toList();
    }
}
