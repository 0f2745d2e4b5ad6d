package dev.proxmoxmpc.spi.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLinesTest {
    @Test
    void splitsWordsWithQuotesAndEscapes() {
        assertThat(CommandLines.words("create vm 'web 01' --desc \"a \\\"b\\\"\" x\\ y"))
                .containsExactly("create", "vm", "web 01", "--desc", "a \"b\"", "x y");
        assertThat(CommandLines.words("  ")).isEmpty();
        assertThat(CommandLines.words("a ''")).containsExactly("a", "");
    }

    @Test
    void rejectsAnUnterminatedQuote() {
        assertThatThrownBy(() -> CommandLines.words("echo 'oops")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unterminated");
    }

    @Test
    void splitsSequencesAtSemicolonsOutsideQuotes() {
        assertThat(CommandLines.sequence("/status; list vms ;; echo 'a;b' \"c;d\" e\\;f"))
                .containsExactly("/status", "list vms", "echo 'a;b' \"c;d\" e\\;f");
    }

    @Test
    void scriptsDropCommentsAndBlankLines() {
        assertThat(CommandLines.script(List.of("# header", "", "sync", "   # note", "  plan --json  ")))
                .containsExactly("sync", "plan --json");
    }

    @Test
    void quotesWordsSoTheyRoundTrip() {
        for (String w : List.of("plain", "two words", "it's", "a;b", "")) {
            assertThat(CommandLines.words(CommandLines.quote(w))).containsExactly(w);
        }
    }
}
