package dev.proxmoxmpc.kernel.console;

import java.util.Optional;

/** Where the console reads answers to questions from (the JLine reader in the interactive console). */
public interface LineInput {

    /**
     * @param prompt shown before the answer
     * @param secret whether to hide what is typed
     * @return the line, or empty at end of input (Ctrl-D)
     */
    Optional<String> readLine(String prompt, boolean secret);

    /**
     * Prints a line above the one being edited, when a line is being read (a Tab completion that warns), and then
     * redraws the prompt and what was typed.
     *
     * @return false when no line is being read: the caller prints as usual
     */
    default boolean printAbove(String text) {
        return false;
    }
}
