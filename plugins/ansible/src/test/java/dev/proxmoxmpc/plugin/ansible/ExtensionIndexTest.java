package dev.proxmoxmpc.plugin.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExtensionIndexTest {

    @Test
    void pf4jIndexListsTheGeneratorAndTheImporter() throws IOException {
        StringBuilder indexes = new StringBuilder();
        for (URL url : Collections.list(AnsibleGenerator.class.getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                indexes.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(indexes.toString()).contains(AnsibleGenerator.class.getName(), AnsibleImporter.class.getName());
        assertThat(new AnsibleGenerator().id()).isEqualTo("ansible");
        assertThat(new AnsibleImporter().id()).isEqualTo("ansible");
    }

    @Test
    void defaultTemplatesShipInTheJar() {
        assertThat(AnsibleGenerator.class.getClassLoader().getResource("templates/ansible/inventory.yml.hbs")).isNotNull();
        assertThat(AnsibleGenerator.class.getClassLoader().getResource("templates/ansible/roles/generic/tasks.yml.hbs")).isNotNull();
    }
}
