package dev.proxmoxmpc.plugin.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final List<ConsoleCommand> commands = List.of(new SampleCommands.Scale(), new SampleCommands.Status(),
            new SampleCommands.NotATool(), new SampleCommands.Unlock(), new SampleCommands.ApplyWithFile(),
            new SampleCommands.Rollback());

    @Test
    void withoutAllowApplyNoServerChangingToolIsOffered() {
        Catalog c = Catalog.of(commands, false);
        assertThat(c.tools()).extracting(CommandTool::name).containsExactly("scale_vm", "status");
        assertThat(c.withheld()).anySatisfy(w -> assertThat(w).startsWith("apply (start the server with --allow-apply"));
        assertThat(c.tool("apply")).isEmpty();
    }

    @Test
    void withAllowApplyApplyTakesOnlyASavedPlan() {
        Catalog c = Catalog.of(commands, true);
        assertThat(c.tools()).extracting(CommandTool::name).containsExactly("apply", "rollback", "scale_vm", "status");
        CommandTool apply = c.tool("apply").orElseThrow();
        assertThat(apply.inputSchema().get("required")).isEqualTo(List.of("file"));
        assertThat(apply.description()).contains("only a saved plan");
    }

    @Test
    void anApplyWithoutSavedPlansIsNotOfferedEvenWithAllowApply() {
        Catalog c = Catalog.of(List.of(new SampleCommands.ApplyWithoutFile()), true);
        assertThat(c.tools()).isEmpty();
        assertThat(c.withheld()).containsExactly("apply (this version's /apply takes no saved plan file)");
    }
}
