package dev.proxmoxmpc.plugin.proxmox.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpidTest {
    @Test
    void parsesATokenStartedTask() {
        Upid u = Upid.parse("UPID:pve:00004675:0005B36F:6A4A8EED:qmcreate:9101:root@pam!sdk:");
        assertThat(u.node()).isEqualTo("pve");
        assertThat(u.type()).isEqualTo("qmcreate");
        assertThat(u.id()).isEqualTo("9101");
        assertThat(u.user()).isEqualTo("root@pam");
        assertThat(u.tokenId()).isEqualTo("sdk");
        assertThat(u.start()).isEqualTo(Instant.ofEpochSecond(0x6A4A8EEDL));
    }

    @Test
    void parsesATaskWithoutIdOrToken() {
        Upid u = Upid.parse("UPID:pve:0000CB00:001CF71E:6A864D51:acmeregister::root@pam:");
        assertThat(u.id()).isEmpty();
        assertThat(u.tokenId()).isEmpty();
        assertThat(u.user()).isEqualTo("root@pam");
    }

    @Test
    void rejectsTextThatIsNotAUpid() {
        assertThatThrownBy(() -> Upid.parse("OK")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a task id");
    }
}
