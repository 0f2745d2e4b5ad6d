package dev.proxmoxmpc.plugin.mcp.tools;

/**
 * One input of a tool, from one option or positional parameter of the command's declaration.
 *
 * @param property the JSON property name ({@code --memory} gives {@code memory}, {@code <snapshot-id>} gives
 *                 {@code snapshot_id})
 * @param kind     how it goes onto the command line
 * @param option   the option's longest name ({@code --memory}); empty for a positional
 * @param index    the positional's index; -1 for an option
 * @param multi    whether it takes several values (a JSON array)
 * @param required whether the command needs it
 */
public record ToolParam(String property, Kind kind, String option, int index, boolean multi, boolean required) {

    /** How a value reaches the command line. */
    public enum Kind {
        /** {@code --flag} when true, nothing when false */
        FLAG,
        /** {@code --option=value}, repeated for each value of an array */
        OPTION,
        /** a word in its place among the positional parameters */
        POSITIONAL
    }
}
