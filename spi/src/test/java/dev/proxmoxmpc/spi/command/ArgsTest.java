package dev.proxmoxmpc.spi.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final Set<String> VALUES = Set.of("--name", "--net");
    private static final Set<String> BOOLS = Set.of("--yes", "--json");

    @Test
    void parsesFlagsValuesAndPositionals() {
        Args a = Args.parse(List.of("vm", "--name", "web", "--net=bridge=vmbr0", "--net", "bridge=vmbr1", "--yes"), VALUES, BOOLS);
        assertThat(a.positionals()).containsExactly("vm");
        assertThat(a.value("--name")).contains("web");
        assertThat(a.values("--net")).containsExactly("bridge=vmbr0", "bridge=vmbr1");
        assertThat(a.flag("--yes")).isTrue();
        assertThat(a.flag("--json")).isFalse();
    }

    @Test
    void suggestsTheClosestFlagForATypo() {
        assertThatThrownBy(() -> Args.parse(List.of("--nmae", "x"), VALUES, BOOLS))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --nmae; did you mean --name?");
    }

    @Test
    void refusesAMissingValue() {
        assertThatThrownBy(() -> Args.parse(List.of("--name"), VALUES, BOOLS)).hasMessage("--name needs a value");
    }
}
