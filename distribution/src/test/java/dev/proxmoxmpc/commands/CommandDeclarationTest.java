package dev.proxmoxmpc.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.command.CommandRegistry;
import dev.proxmoxmpc.kernel.command.RegisteredCommand;
import dev.proxmoxmpc.spi.command.internal.Completions;
import dev.proxmoxmpc.spi.command.internal.Declaration;
import dev.proxmoxmpc.spi.command.internal.GlobalFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One declaration per command: every option a command declares appears in its usage line, in what Tab offers for
 * {@code -}, and in its section of docs/commands.md; and none of the three names an option the command does not
 * declare (the global flags {@code --json}, {@code --yes}, {@code --help} are the kernel's, listed once).
 */
class CommandDeclarationTest {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--?[a-z][a-z0-9-]*)");
    private static CommandRegistry registry;
    private static Map<String, String> reference;

    @BeforeAll
    static void load() throws Exception {
        registry = BundledCommands.registry();
        reference = sections(Files.readString(Path.of("..", "docs", "commands.md"), StandardCharsets.UTF_8));
    }

    @Test
    void eachDeclaredOptionIsInUsageCompletionAndTheReferenceAndNothingElseIs() {
        List<String> problems = new ArrayList<>();
        for (RegisteredCommand rc : registry.commands()) {
            Declaration d = rc.declaration();
            TreeSet<String> declared = new TreeSet<>(d.optionNames());
            compare(problems, "/" + rc.name() + " usage", declared, flags(d.usage()));
            compare(problems, "/" + rc.name() + " Tab", declared, new TreeSet<>(Completions.candidates(null, d, List.of(), "-")));
            String section = reference.get(rc.name());
            if (section == null) {
                problems.add("/" + rc.name() + " has no section in docs/commands.md (regenerate it)");
            } else {
                compare(problems, "/" + rc.name() + " docs/commands.md", declared, flags(section));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckSeesAMissingAndAStrayOption() {
        List<String> problems = new ArrayList<>();
        compare(problems, "x", new TreeSet<>(List.of("--a", "--b")), new TreeSet<>(List.of("--a", "--c", "--json")));
        assertThat(problems).containsExactly("x lacks --b", "x names --c, which is not declared");
    }

    private static void compare(List<String> problems, String where, TreeSet<String> declared, TreeSet<String> shown) {
        for (String o : declared) {
            if (!shown.contains(o)) {
                problems.add(where + " lacks " + o);
            }
        }
        for (String o : shown) {
            if (!declared.contains(o) && !GlobalFlags.SPELLINGS.contains(o)) {
                problems.add(where + " names " + o + ", which is not declared");
            }
        }
    }

    private static TreeSet<String> flags(String text) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = FLAG.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** @return each command's name and the usage block of its section ({@code ### /name} then a fenced block). */
    private static Map<String, String> sections(String markdown) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^### /(.+)\\n\\n(?:[^\\n]*\\n\\n)?```\\n/([^\\n]*)\\n```").matcher(markdown);
        while (m.find()) {
            out.put(m.group(1).strip(), m.group(2));
        }
        return out;
    }
}
