package dev.proxmoxmpc.spi.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A command's declaration: parsing, the usage line, errors in one line, completion; all from the annotations. */
class DeclarationTest {

    @Command(name = "create thing", aliases = "mk thing", description = "Make a thing", footer = "create thing web --name x")
    static final class Make implements ConsoleCommand {
        @Parameters(paramLabel = "KIND", arity = "0..1", completionCandidates = Kinds.class)
        String kind;
        @Option(names = {"--hostname", "--name"}, paramLabel = "N")
        String name;
        @Option(names = "--net", paramLabel = "NIC")
        List<String> nets = List.of();
        @Option(names = "--limit", paramLabel = "N", converter = Ranges.Positive.class)
        Integer limit;
        @Option(names = "--size", paramLabel = "N")
        long size;
        @Option(names = "--force")
        boolean force;

        static final class Kinds extends FixedCandidates {
            Kinds() {
                super("web", "db");
            }
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }

    private final Make make = new Make();
    private final Declaration d = Declaration.of(make);

    @Test
    void parsesOptionsValuesRepeatsAliasesAndPositionals() {
        d.parse(List.of("web", "--name", "x", "--net=bridge=vmbr0", "--net", "bridge=vmbr1", "--force"));
        assertThat(make.kind).isEqualTo("web");
        assertThat(make.name).isEqualTo("x");
        assertThat(make.nets).containsExactly("bridge=vmbr0", "bridge=vmbr1");
        assertThat(make.force).isTrue();
    }

    @Test
    void everyLineStartsFromTheDeclaredValues() {
        d.parse(List.of("web", "--net", "a", "--force", "--limit", "3"));
        d.parse(List.of("--hostname", "y"));
        assertThat(make.kind).isNull();
        assertThat(make.nets).isEmpty();
        assertThat(make.force).isFalse();
        assertThat(make.limit).isNull();
        assertThat(Declaration.of(make)).isSameAs(d);
    }

    @Test
    void badLinesAreOneUsageLineWithoutClassNames() {
        assertThatThrownBy(() -> d.parse(List.of("--nmae", "x"))).isInstanceOf(UsageException.class)
                .hasMessage("unknown option --nmae; did you mean --name?");
        assertThatThrownBy(() -> d.parse(List.of("--name"))).hasMessage("--hostname needs a value");
        assertThatThrownBy(() -> d.parse(List.of("a", "b"))).hasMessage("unexpected 'b'");
        assertThatThrownBy(() -> d.parse(List.of("--limit", "-5")))
                .hasMessage("--limit must be a whole number of at least 1, got '-5'");
        assertThatThrownBy(() -> d.parse(List.of("--size", "999999999999999999999")))
                .hasMessage("--size must be a whole number, got '999999999999999999999'");
        assertThatThrownBy(() -> d.parse(List.of("--size", "x"))).message().doesNotContain("Exception", "java.");
    }

    @Test
    void theUsageLineAndTheDocsComeFromTheDeclaration() {
        assertThat(d.name()).isEqualTo("create thing");
        assertThat(d.aliases()).containsExactly("mk thing");
        assertThat(d.summary()).isEqualTo("Make a thing");
        assertThat(d.examples()).containsExactly("create thing web --name x");
        assertThat(d.usage()).isEqualTo("create thing [KIND] [--hostname|--name N] [--net NIC]... [--limit N] [--size N] [--force]");
    }

    @Test
    void completesOptionNamesThenValuesFromTheDeclaration() {
        assertThat(Completions.candidates(null, d, List.of(), "--")).containsExactly("--force", "--hostname", "--limit",
                "--name", "--net", "--size");
        assertThat(Completions.candidates(null, d, List.of(), "")).containsExactly("web", "db");
        assertThat(Completions.candidates(null, d, List.of("web"), "")).contains("--force");
        assertThat(Completions.candidates(null, d, List.of("--net"), "")).isEmpty();
    }
}
