package dev.proxmoxmpc.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.internal.CommandLines;
import dev.proxmoxmpc.spi.command.internal.Declaration;
import dev.proxmoxmpc.kernel.command.CommandRegistry;
import dev.proxmoxmpc.kernel.command.RegisteredCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /help never lies: every command of the kernel and of every bundled plugin has a summary, a usage and at least one
 * example; every example runs that command (its first words resolve to it, directly, as {@code proxmox-mpc ...} or
 * inside {@code -c '...'}); every flag an example uses is in the usage ({@link BundledCommands} finds them).
 */
class CommandHelpTest {
    private static final Set<String> GLOBAL_FLAGS = Set.of("--json", "--yes", "-y", "--help");
    private static final Set<String> PROCESS_OPTIONS = Set.of("--no-color", "--debug", "-i", "--interactive",
            "--detailed-exitcode", "--keep-going", "--json", "--yes", "-y");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9-]*)");
    private static CommandRegistry registry;

    @BeforeAll
    static void registerEveryBundledCommand() throws Exception {
        registry = BundledCommands.registry();
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void findsTheCommandsOfTheKernelAndOfEveryBundledPlugin() {
        assertThat(registry.commands()).extracting(RegisteredCommand::pluginId)
                .contains("kernel", "sync", "resources", "simulator");
        assertThat(registry.names()).contains("help", "sync", "rollback", "list vms", "create vm", "simulator");
    }

    @Test
    void everyCommandHasASummaryAUsageAndExamples() {
        List<String> problems = new ArrayList<>();
        for (RegisteredCommand rc : registry.commands()) {
            Declaration c = rc.declaration();
            String who = "/" + rc.name() + " (" + rc.pluginId() + ")";
            if (c.summary().isBlank()) {
                problems.add(who + ": no summary");
            }
            if (!CommandRegistry.normalise(c.usage()).startsWith(rc.name())) {
                problems.add(who + ": usage '" + c.usage() + "' does not start with its name");
            }
            if (c.examples().isEmpty()) {
                problems.add(who + ": no example");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyExampleRunsItsOwnCommandWithFlagsFromItsUsage() {
        List<String> problems = new ArrayList<>();
        for (RegisteredCommand rc : registry.commands()) {
            for (String example : rc.declaration().examples()) {
                String problem = check(rc, example);
                if (problem != null) {
                    problems.add("/" + rc.name() + " example '" + example + "': " + problem);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckCatchesAnExampleOfAnotherCommandAndAFlagTheUsageDoesNotName() {
        RegisteredCommand rollback = registry.match(List.of("rollback")).orElseThrow().command();
        assertThat(check(rollback, "/rollback 20261125-210000-sync --yes")).isNull();
        assertThat(check(rollback, "proxmox-mpc -c '/sync; /rollback 20261125-210000-sync'")).isNull();
        assertThat(check(rollback, "/restore 20261125-210000-sync")).contains("runs /restore");
        assertThat(check(rollback, "/rolback 20261125-210000-sync")).contains("no command");
        assertThat(check(rollback, "/rollback 20261125-210000-sync --force")).contains("--force");
    }

    /** @return why {@code example} does not show {@code rc}, or null when it does. */
    private static String check(RegisteredCommand rc, String example) {
        String line = example.replaceFirst("\\s+#.*$", "");
        List<String> words = new ArrayList<>(CommandLines.words(line));
        List<String> commandLines = new ArrayList<>();
        if (!words.isEmpty() && words.get(0).equals("proxmox-mpc")) {
            words.remove(0);
            while (!words.isEmpty() && (PROCESS_OPTIONS.contains(words.get(0)) || words.get(0).equals("--project"))) {
                if (words.remove(0).equals("--project") && !words.isEmpty()) {
                    words.remove(0);
                }
            }
            if (words.size() >= 2 && (words.get(0).equals("-c") || words.get(0).equals("--command"))) {
                commandLines.addAll(CommandLines.sequence(words.get(1)));
            } else {
                commandLines.add(String.join(" ", words.stream().map(CommandLines::quote).toList()));
            }
        } else {
            commandLines.add(line);
        }
        List<String> ran = new ArrayList<>();
        for (String commandLine : commandLines) {
            var match = registry.match(CommandLines.words(commandLine));
            if (match.isEmpty()) {
                ran.add("no command");
                continue;
            }
            if (match.get().command().name().equals(rc.name())) {
                return unknownFlag(rc, match.get().args());
            }
            ran.add("/" + match.get().command().name());
        }
        return "runs " + String.join(", ", ran) + (ran.contains("no command") ? "" : ", not /" + rc.name());
    }

    private static String unknownFlag(RegisteredCommand rc, List<String> args) {
        String usage = rc.declaration().usage();
        for (String arg : args) {
            Matcher m = FLAG.matcher(arg);
            if (m.lookingAt() && !GLOBAL_FLAGS.contains(m.group(1)) && !Pattern.compile("(?<![\\w-])" + Pattern.quote(m.group(1))
                    + "(?![\\w-])").matcher(usage).find()) {
                return m.group(1) + " is not in the usage '" + usage + "'";
            }
        }
        return null;
    }
}
