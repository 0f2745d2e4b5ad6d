package dev.proxmoxmpc.kernel.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlebarsTemplatesTest {
    record Vm(String name, int cores, List<String> tags) {}

    @TempDir
    Path overrides;

    @Test
    void rendersRecordsByAccessorWithoutHtmlEscaping() {
        HandlebarsTemplates t = new HandlebarsTemplates(overrides);
        String out = t.render(getClass(), "kernel-test/vm.txt", new Vm("web & <db>", 2, List.of("a", "b")));
        assertThat(out).isEqualTo("vm web & <db> <2> #a #b\n");
    }

    @Test
    void rendersTheSameAsTheTestKit() {
        Map<String, Object> model = Map.of("name", "x\"y", "cores", 4, "tags", List.of());
        assertThat(new HandlebarsTemplates(overrides).render(getClass(), "kernel-test/vm.txt", model))
                .isEqualTo(new ClasspathTemplates().render(getClass(), "kernel-test/vm.txt", model));
    }

    @Test
    void aProjectOverrideWinsAndIsReadAgainWhenItChanges() throws IOException {
        HandlebarsTemplates t = new HandlebarsTemplates(overrides);
        Path file = overrides.resolve("kernel-test/vm.txt.hbs");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "custom {{name}}");
        Vm vm = new Vm("web", 1, List.of());
        assertThat(t.render(getClass(), "kernel-test/vm.txt", vm)).isEqualTo("custom web");
        Files.writeString(file, "changed {{name}}!");
        assertThat(t.render(getClass(), "kernel-test/vm.txt", vm)).isEqualTo("changed web!");
    }

    @Test
    void aMissingTemplateNamesIt() {
        assertThatThrownBy(() -> new HandlebarsTemplates(overrides).render(getClass(), "nope/x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("templates/nope/x.hbs");
    }
}
