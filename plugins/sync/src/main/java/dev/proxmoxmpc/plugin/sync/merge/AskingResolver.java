package dev.proxmoxmpc.plugin.sync.merge;

import dev.proxmoxmpc.spi.console.Console;
import java.util.List;

/** Asks the person at the console which side wins each conflict. */
final class AskingResolver implements ConflictResolver {
    private final Console console;

    AskingResolver(Console console) {
        this.console = console;
    }

    @Override
    public Side resolve(Conflict c) {
        String question = "Conflict on " + c.resource() + " " + c.field() + ": local '" + c.local() + "', server '"
                + c.server() + "' (was '" + c.base() + "'). Keep";
        String answer = console.choose(question, List.of("server", "local"));
        return answer.equals("local") ? Side.LOCAL : Side.SERVER;
    }
}
