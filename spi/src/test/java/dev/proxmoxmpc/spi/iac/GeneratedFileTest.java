package dev.proxmoxmpc.spi.iac;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedFileTest {

    @ParameterizedTest
    @ValueSource(strings = {"../x.tf", "/etc/passwd", "terraform/../../x", "a//b", "c:\\x", "./a"})
    void refusesPathsThatLeaveTheProject(String path) {
        assertThatThrownBy(() -> new GeneratedFile(path, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"terraform/main.tf", "ansible/group_vars/all.yml", "docs/x.md"})
    void acceptsProjectRelativePaths(String path) {
        assertThatCode(() -> new GeneratedFile(path, "")).doesNotThrowAnyException();
    }
}
