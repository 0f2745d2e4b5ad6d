package dev.proxmoxmpc.plugin.mcp.tools;

import java.util.Map;

/**
 * What a tool call answers.
 *
 * @param error      whether it failed (an MCP tool error)
 * @param text       what a person would read: the JSON document, or the one-line error
 * @param structured the structured result (the command's {@code --json} document; a non-object document under
 *                   {@code result}), or null for an error
 */
public record ToolOutcome(boolean error, String text, Map<String, Object> structured) {

    public static ToolOutcome failed(String message) {
        return new ToolOutcome(true, message, null);
    }
}
