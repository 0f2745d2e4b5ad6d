package dev.proxmoxmpc.plugin.simulator.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading, writing and diffing /etc/network/interfaces the way pve-common does. */
class InterfacesFileTest {
    private static final String FILE = """
            auto lo
            iface lo inet loopback

            iface eno1 inet manual

            iface eno2 inet manual

            auto bond0
            iface bond0 inet manual
            \tbond-slaves eno2
            \tbond-miimon 100
            \tbond-mode 4

            auto vmbr0
            iface vmbr0 inet static
            \taddress 192.168.1.10
            \tnetmask 255.255.255.0
            \tgateway 192.168.1.1
            \tbridge-ports eno1
            \tbridge-stp off
            \tbridge-fd 0
            \tpost-up echo up
            #uplink
            #second line

            iface vmbr0 inet6 static
            \taddress fd00::10/64

            auto vmbr0.30
            iface vmbr0.30 inet manual

            source /etc/network/interfaces.d/*
            """;

    private static InterfacesConfig parse(String text) {
        return InterfacesParser.parse(text, Set.of("eno1", "eno2"), Set.of("eno1", "vmbr0"));
    }

    @Test
    void readsAttributesAsPveDerivesThem() {
        InterfacesConfig c = parse(FILE);
        Map<String, Object> vmbr0 = c.get("vmbr0");
        assertThat(vmbr0).containsEntry("type", "bridge").containsEntry("cidr", "192.168.1.10/24")
                .containsEntry("netmask", "24").containsEntry("cidr6", "fd00::10/64").containsEntry("address6", "fd00::10")
                .containsEntry("method", "static").containsEntry("method6", "static").containsEntry("autostart", 1)
                .containsEntry("active", 1).containsEntry("comments", "uplink\nsecond line\n")
                .containsEntry("families", List.of("inet", "inet6")).containsEntry("options", List.of("post-up echo up"));
        assertThat(c.get("bond0")).containsEntry("type", "bond").containsEntry("bond_mode", "802.3ad").containsEntry("slaves", "eno2");
        assertThat(c.get("vmbr0.30")).containsEntry("type", "vlan").containsEntry("vlan-raw-device", "vmbr0")
                .containsEntry("vlan-id", "30").containsEntry("exists", null);
        assertThat(c.get("eno1")).containsEntry("type", "eth").containsEntry("exists", 1).doesNotContainKey("autostart");
        assertThat(c.get("eno2")).as("a bond slave").containsEntry("type", "eth");
        assertThat(c.options).containsExactly("source /etc/network/interfaces.d/*");
        assertThat(NodeInterfaces.rows(c)).extracting(r -> r.get("iface"))
                .containsExactly("eno1", "eno2", "bond0", "vmbr0", "vmbr0.30");
    }

    @Test
    void writingWhatWasReadGivesTheSameAttributesBack() {
        InterfacesConfig once = parse(FILE);
        String written = InterfacesWriter.render(parse(FILE));
        assertThat(written).startsWith(InterfacesWriter.HEADER)
                .contains("auto vmbr0\niface vmbr0 inet static\n\taddress 192.168.1.10/24\n\tgateway 192.168.1.1\n"
                        + "\tbridge-ports eno1\n\tbridge-stp off\n\tbridge-fd 0\n\tpost-up echo up\n#uplink\n#second line\n\n"
                        + "iface vmbr0 inet6 static\n\taddress fd00::10/64\n\n")
                .contains("auto eno2\niface eno2 inet manual\n").endsWith("source /etc/network/interfaces.d/*\n");
        assertThat(List.of(written.indexOf("iface eno2"), written.indexOf("iface bond0"), written.indexOf("iface vmbr0 "),
                written.indexOf("iface vmbr0.30"))).as("physical, bonds, bridges, then VLANs on a bridge").isSorted();
        assertThat(parse(written).ifaces).isEqualTo(once.ifaces.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getKey().equals("eno2") ? withAuto(e.getValue()) : e.getValue())));
    }

    private static Map<String, Object> withAuto(Map<String, Object> d) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(d);
        out.put("autostart", 1);
        return out;
    }

    @Test
    void writingRefusesWhatPveCommonRefuses() {
        InterfacesConfig c = parse(FILE);
        c.get("vmbr0").put("bridge_ports", "eno1 eno9");
        assertThatThrownBy(() -> InterfacesWriter.render(c)).isInstanceOf(ApiException.class)
                .hasMessage("bridge 'vmbr0' - unable to find bridge port 'eno9'");
        InterfacesConfig twice = parse(FILE);
        twice.get("vmbr0").put("bridge_ports", "eno1 eno2");
        assertThatThrownBy(() -> InterfacesWriter.render(twice)).hasMessage("port 'eno2' is already used on interface 'bond0'");
        InterfacesConfig mtu = parse(FILE);
        mtu.get("vmbr0").put("mtu", "9000");
        assertThatThrownBy(() -> InterfacesWriter.render(mtu)).hasMessage("interface 'eno1' - mtu 1500 is lower than 'vmbr0' - mtu 9000");
        InterfacesConfig addressed = parse(FILE);
        addressed.get("eno1").put("method", "static");
        addressed.get("eno1").put("address", "10.0.0.5");
        assertThatThrownBy(() -> InterfacesWriter.render(addressed))
                .hasMessage("iface eno1 - ip address can't be set on interface if bridged in vmbr0");
    }

    @Test
    void diffIsUnifiedWithThreeLinesOfContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\nl\nm\nn\n";
        assertThat(UnifiedDiff.diff("old", 0, before, "new", 1000, after)).isEqualTo("""
                --- old\t1970-01-01 00:00:00.000000000 +0000
                +++ new\t1970-01-01 00:00:01.000000000 +0000
                @@ -2,7 +2,7 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                @@ -11,3 +11,4 @@
                 k
                 l
                 m
                +n
                """);
        assertThat(UnifiedDiff.diff("old", 0, before, "new", 0, before)).isNull();
        assertThat(UnifiedDiff.diff("old", 0, "", "new", 0, "x\n")).contains("@@ -0,0 +1 @@\n+x\n");
    }
}
