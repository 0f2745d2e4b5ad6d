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
}
