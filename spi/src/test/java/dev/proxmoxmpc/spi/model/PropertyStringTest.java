package dev.proxmoxmpc.spi.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PropertyStringTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1",
        "local-lvm:vm-100-disk-0,size=32G,ssd=1,discard=on,iothread=1",
        "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:AA:BB:CC,ip=dhcp,type=veth",
        "ip=10.0.0.5/24,gw=10.0.0.1",
        "none,media=cdrom",
        "local:iso/debian.iso,media=cdrom",
        "x=\"a,b\",y=1",
        ""
    })
    void formatsBackExactlyWhatItParsed(String wire) {
        assertThat(PropertyString.parse(wire).format()).isEqualTo(wire);
    }

    @Test
    void readsPositionalAndKeyedValues() {
        PropertyString p = PropertyString.parse("local-lvm:vm-100-disk-0,size=32G,ssd=1");
        assertThat(p.positional()).contains("local-lvm:vm-100-disk-0");
        assertThat(p.get("size")).contains("32G");
        assertThat(p.flag("ssd")).isTrue();
        assertThat(p.flag("iothread")).isFalse();
    }

    @Test
    void replacesInPlaceAppendsAndRemoves() {
        PropertyString p = PropertyString.parse("virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1");
        assertThat(p.with("bridge", "vmbr1").format()).isEqualTo("virtio=BC:24:11:00:00:01,bridge=vmbr1,firewall=1");
        assertThat(p.with("tag", "10").format()).isEqualTo("virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1,tag=10");
        assertThat(p.with("firewall", "").format()).isEqualTo("virtio=BC:24:11:00:00:01,bridge=vmbr0");
    }
}
