package dev.proxmoxmpc.spi.command;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Opts a {@link ConsoleCommand} in as a tool for AI assistants (the bundled MCP server, {@code proxmox-mpc mcp}),
 * with its safety class. A command without it is never offered to an assistant. The tool's name, input schema and
 * description derive from the command's declaration; a call runs through the same kernel path, audit log and locks
 * as a typed command, with {@code --json}.
 *
 * <p>Commands that handle secrets, approvals, locks or restores must not carry it (the MCP server refuses them
 * by name even so).
 */
@API(status = EXPERIMENTAL, since = "1.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AssistantTool {

    /** @return what a call can change */
    Safety value();

    /** What a tool call can change, from harmless to the server itself. */
    @API(status = EXPERIMENTAL, since = "1.1")
    enum Safety {
        /** Reads the project or the server; changes nothing. Always offered. */
        READ,
        /** Changes only the local desired state (and the files generated from it); the server is untouched. */
        DESIRED_STATE,
        /** Changes the server. Offered only when the person started the server with {@code --allow-apply}. */
        SERVER_CHANGING
    }
}
