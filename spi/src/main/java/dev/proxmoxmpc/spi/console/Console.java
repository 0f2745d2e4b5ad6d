package dev.proxmoxmpc.spi.console;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Everything a command shows a user or asks them goes through here (never {@code System.out}). Works the same
 * in the interactive console and in batch mode. Thread-safe.
 */
@API(status = STABLE, since = "1.0")
public interface Console {

    /** Prints a line as is. */
    void println(String text);

    /** Prints an informational line. */
    void info(String text);

    /** Prints a success line (green check). */
    void success(String text);

    /** Prints a warning line (yellow). */
    void warn(String text);

    /** Prints an error line (red) to the error stream. */
    void error(String text);

    /** Prints an aligned table. */
    void table(Table table);

    /** Prints a value (record, map, list, string, number) as pretty JSON for scripts. */
    void json(Object value);

    /** @return {@code text} in a style, or unchanged when colour is off. */
    String style(Style style, String text);

    /**
     * Starts a progress bar; in batch mode it prints a line at start and end only.
     *
     * @param label what is progressing ({@code Discovering})
     * @param total the number of steps, 0 when not known yet
     */
    Progress progress(String label, long total);

    /**
     * Asks a yes/no question. Returns true at once with {@code --yes}; in batch mode without {@code --yes}
     * returns false (so destructive work does not happen unasked). Blocks for input.
     */
    boolean confirm(String question);

    /**
     * Asks for a line of text. In batch mode returns {@code defaultValue}.
     *
     * @param defaultValue shown in brackets and returned on an empty answer; may be {@code ""}
     */
    String prompt(String question, String defaultValue);

    /** Asks for a secret without echo. In batch mode returns {@code ""}. */
    String promptSecret(String question);

    /** Asks to pick one of {@code choices}; in batch mode returns the first. */
    default String choose(String question, List<String> choices) {
        String answer = prompt(question + " " + String.join("/", choices), choices.get(0));
        return choices.contains(answer) ? answer : choices.get(0);
    }

    /** @return whether a person is at a terminal answering questions. */
    boolean interactive();

    /** @return whether {@code --json} was given for this command line. */
    boolean jsonRequested();

    /**
     * Takes over the whole terminal for a live view ({@code top}): the alternate screen, keys read one at a time.
     * Empty when output is not a capable terminal (batch mode with output redirected, a dumb terminal, tests), and
     * by default. The caller closes the screen, which restores the terminal.
     *
     * @return the screen, or empty
     */
    default Optional<Screen> screen() {
        return Optional.empty();
    }
}
