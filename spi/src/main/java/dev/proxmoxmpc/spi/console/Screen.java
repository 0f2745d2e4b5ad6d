package dev.proxmoxmpc.spi.console;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The whole terminal, held by one command for a live, refreshing view (see {@link Console#screen()}). Keys arrive
 * unbuffered and unechoed; Ctrl-C arrives as key {@code 3} instead of interrupting. Used from one thread.
 */
@API(status = EXPERIMENTAL, since = "1.0")
public interface Screen extends AutoCloseable {

    /** @return columns of the terminal now (it may be resized between draws); at least 1. */
    int width();

    /** @return rows of the terminal now; at least 1. */
    int height();

    /**
     * Replaces what the screen shows with {@code lines} from the top left corner; lines longer than the width are
     * cut, lines past the height are left out. The text may carry the styles of {@link Console#style}.
     */
    void draw(List<String> lines);

    /**
     * Waits for a key. Blocks up to {@code timeout}.
     *
     * @return the key's character ({@code 'q'}, {@code 3} for Ctrl-C), or {@code -1} when none came in time or input
     *     ended
     */
    int readKey(Duration timeout);

    /** Leaves the alternate screen and gives the terminal back as it was. Never throws. */
    @Override
    void close();
}
