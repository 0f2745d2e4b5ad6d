package dev.proxmoxmpc.plugin.simulator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Property strings parsed and printed from the schema's own format descriptions. */
class PropertyStringFormatTest {

    private static PropertyStringFormat format(String kind, String key) {
        JsonNode p = ApiSchema.bundled().require("PUT", "/nodes/{node}/" + kind + "/{vmid}/config").parameter(key).orElseThrow();
        return PropertyStringFormat.of(p.get("format"));
    }

    @Test
    void readsTheModelKeyAliasOfAQemuNic() throws Exception {
        Map<String, String> v = format("qemu", "net0").parse("virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,firewall=on");
        assertThat(v).containsEntry("model", "virtio").containsEntry("macaddr", "BC:24:11:AA:BB:CC").containsEntry("firewall", "1");
    }

    @Test
    void printsDefaultKeyFirstThenRequiredThenOptionalKeysSorted() throws Exception {
        PropertyStringFormat nic = format("qemu", "net0");
        assertThat(nic.print(nic.parse("tag=20,bridge=vmbr1,virtio=BC:24:11:AA:BB:CC")))
                .isEqualTo("virtio=BC:24:11:AA:BB:CC,bridge=vmbr1,tag=20");
        PropertyStringFormat ct = format("lxc", "net0");
        assertThat(ct.print(ct.parse("ip=dhcp,bridge=vmbr0,name=eth0"))).isEqualTo("name=eth0,bridge=vmbr0,ip=dhcp");
        PropertyStringFormat disk = format("qemu", "scsi0");
        assertThat(disk.print(disk.parse("size=32G,local-lvm:vm-100-disk-0,discard=on")))
                .isEqualTo("local-lvm:vm-100-disk-0,discard=on,size=32G");
    }

    @Test
    void reportsUnknownKeysAndBadValuesLikePve() {
        PropertyStringFormat nic = format("qemu", "net0");
        assertThatThrownBy(() -> nic.parse("virtio,colour=red")).hasMessage("invalid key in comma-separated list property: colour");
        assertThatThrownBy(() -> nic.parse("virtio,mtu=x")).hasMessage("format error\nmtu: type check ('integer') failed - got 'x'");
        assertThatThrownBy(() -> nic.parse("bridge=vmbr0")).hasMessage("format error\nmodel: property is missing and it is not optional");
        assertThatThrownBy(() -> nic.parse("virtio,e1000")).hasMessage("duplicate key in comma-separated list property: model");
    }

    @Test
    void numberedParametersFollowTheirRange() {
        Endpoint put = ApiSchema.bundled().require("PUT", "/nodes/{node}/qemu/{vmid}/config");
        assertThat(put.parameter("scsi30")).isPresent();
        assertThat(put.parameter("scsi31")).isEmpty();
        assertThat(put.parameter("ide3")).isPresent();
        assertThat(put.parameter("ide4")).isEmpty();
        assertThat(put.parameter("net01")).isEmpty();
    }
}
