package dev.proxmoxmpc.plugin.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclarationsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(CommandTool t, String name) {
        return (Map<String, Object>) ((Map<String, Object>) t.inputSchema().get("properties")).get(name);
    }

    @Test
    void theSchemaHasTheDeclaredOptionsWithTheirTypesAndDescriptions() {
        CommandTool t = Declarations.tool(new SampleCommands.Scale()).orElseThrow();
        assertThat(t.name()).isEqualTo("scale_vm");
        assertThat(t.command()).isEqualTo("scale vm");
        assertThat(t.safety()).isEqualTo(Safety.DESIRED_STATE);
        assertThat(t.description()).startsWith("Resize a VM").contains("never the server");
        Map<String, Object> props = (Map<String, Object>) t.inputSchema().get("properties");
        assertThat(props).containsOnlyKeys("cores", "memory", "tag", "dry_run", "mode", "sort", "vmid_or_name");
        assertThat(property(t, "cores")).containsEntry("type", "integer").containsEntry("description", "CPU cores (C)");
        assertThat(property(t, "memory")).containsEntry("type", "string");
        assertThat(property(t, "tag")).containsEntry("type", "array").containsEntry("items", Map.of("type", "string"));
        assertThat(property(t, "dry_run")).containsEntry("type", "boolean");
        assertThat(property(t, "mode")).containsEntry("enum", List.of("FAST", "SAFE"));
        assertThat(property(t, "sort")).containsEntry("examples", List.of("cpu", "mem"));
        assertThat(t.inputSchema()).containsEntry("required", List.of("vmid_or_name"))
                .containsEntry("additionalProperties", false);
        assertThat(t.params()).filteredOn(p -> p.property().equals("memory")).singleElement()
                .satisfies(p -> assertThat(p.option()).isEqualTo("--memory"));
    }

    @Test
    void onlyCommandsThatOptInBecomeToolsAndNeverThoseThatHandleLocksOrSecrets() {
        assertThat(Declarations.tool(new SampleCommands.Status())).isPresent();
        assertThat(Declarations.tool(new SampleCommands.NotATool())).isEmpty();
        assertThat(Declarations.tool(new SampleCommands.Unlock())).as("opted in, refused by name").isEmpty();
        for (String never : List.of("token rotate", "approve", "unlock", "restore", "init", "environment add")) {
            assertThat(Declarations.forbidden(never)).as(never).isTrue();
        }
        assertThat(Declarations.forbidden("list vms")).isFalse();
    }
}
