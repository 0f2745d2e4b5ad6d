package dev.proxmoxmpc.plugin.ansible.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Volume;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OsTemplatesTest {
    private static final Volume DEBIAN_11 = template("local:vztmpl/debian-11-standard_11.7-1_amd64.tar.zst", 100);
    private static final Volume DEBIAN_12 = template("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", 200);
    private static final Volume ALPINE = template("local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz", 300);

    private static Volume template(String volid, long created) {
        return new Volume(volid, "vztmpl", "tzst", 1, 0, Instant.ofEpochSecond(created));
    }

    private static Container ct(String node, Map<String, String> config) {
        return new Container(200, node, "", PowerState.RUNNING, config, GuestRuntime.NONE);
    }

    @Test
    void takesTheTemplateStateKnows() {
        Container c = ct("pve1", Map.of("hostname", "a", "ostype", "debian", "ostemplate", "nfs:vztmpl/mine.tar.zst"));

        assertThat(OsTemplates.of(c, Map.of("pve1", List.of(DEBIAN_12)))).contains(new OsTemplates.Choice("nfs:vztmpl/mine.tar.zst", ""));
    }

    @Test
    void elseTheNewestTemplateOfItsOstypeOnItsNode() {
        Container c = ct("pve1", Map.of("hostname", "a", "ostype", "debian"));

        OsTemplates.Choice choice = OsTemplates.of(c, Map.of("pve1", List.of(DEBIAN_12, ALPINE, DEBIAN_11))).orElseThrow();

        assertThat(choice.volid()).isEqualTo(DEBIAN_12.volid());
        assertThat(choice.comment()).contains("newest debian template on pve1");
    }

    @Test
    void elseOneOnAnotherNodeAndSaysSo() {
        Container c = ct("pve2", Map.of("hostname", "a", "ostype", "alpine"));

        OsTemplates.Choice choice = OsTemplates.of(c, Map.of("pve1", List.of(DEBIAN_12, ALPINE))).orElseThrow();

        assertThat(choice.volid()).isEqualTo(ALPINE.volid());
        assertThat(choice.comment()).contains("on pve1", "not on pve2");
        assertThat(OsTemplates.of(ct("pve2", Map.of("ostype", "ubuntu")), Map.of("pve1", List.of(DEBIAN_12)))).isEmpty();
    }
}
