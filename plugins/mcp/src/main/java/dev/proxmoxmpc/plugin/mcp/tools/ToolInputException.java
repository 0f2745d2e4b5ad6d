package dev.proxmoxmpc.plugin.mcp.tools;

/** A tool call's arguments that no command line can express; its message is one line for the assistant. */
public final class ToolInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolInputException(String message) {
        super(message);
    }
}
