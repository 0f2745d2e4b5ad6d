package dev.proxmoxmpc.plugin.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinesTest {
    private final CommandTool scale = Declarations.tool(new SampleCommands.Scale()).orElseThrow();

    @Test
    void optionsAreOneWordEachAndPositionalsComeLast() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("vmid_or_name", "web 01");
        args.put("cores", 4.0);
        args.put("tag", List.of("a", "b"));
        args.put("dry_run", true);
        assertThat(Lines.build(scale, args)).isEqualTo("scale vm --cores=4 --tag=a --tag=b --dry-run 'web 01'");
        args.put("dry_run", false);
        assertThat(Lines.build(scale, args)).isEqualTo("scale vm --cores=4 --tag=a --tag=b 'web 01'");
    }

    @Test
    void noValueCanBecomeAFlagOfItsOwn() {
        assertThat(Lines.build(scale, Map.of("vmid_or_name", "100", "memory", "--yes")))
                .isEqualTo("scale vm --memory=--yes 100");
        assertThatThrownBy(() -> Lines.build(scale, Map.of("vmid_or_name", "--yes")))
                .isInstanceOf(ToolInputException.class).hasMessageContaining("may not start with '-'");
        assertThat(Lines.build(scale, Map.of("vmid_or_name", "x'; /apply --yes")))
                .isEqualTo("scale vm 'x'\"'\"'; /apply --yes'");
        assertThatThrownBy(() -> Lines.build(scale, Map.of("vmid_or_name", "a\n/apply")))
                .hasMessageContaining("line breaks");
    }

    @Test
    void badArgumentsAreOneLine() {
        assertThatThrownBy(() -> Lines.build(scale, Map.of())).hasMessage("missing argument 'vmid_or_name' for scale_vm");
        assertThatThrownBy(() -> Lines.build(scale, Map.of("vmid_or_name", "1", "yes", true)))
                .hasMessageStartingWith("unknown argument 'yes' for scale_vm; it takes: cores, dry_run,");
        assertThatThrownBy(() -> Lines.build(scale, Map.of("vmid_or_name", "1", "cores", List.of(1, 2))))
                .hasMessage("'cores' takes one value, not a list");
        assertThatThrownBy(() -> Lines.build(scale, Map.of("vmid_or_name", "1", "dry_run", "yes")))
                .hasMessage("'dry_run' must be true or false");
        assertThatThrownBy(() -> Lines.build(scale, Map.of("vmid_or_name", Map.of("a", 1))))
                .hasMessage("'vmid_or_name' must be a string, number or boolean");
    }
}
