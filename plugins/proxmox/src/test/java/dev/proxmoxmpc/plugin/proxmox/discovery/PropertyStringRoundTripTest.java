package dev.proxmoxmpc.plugin.proxmox.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.fake.Fixtures;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.IpConfig;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Parse then format gives back the same string, for every disk, NIC and ipconfig value in the recorded fixtures. */
class PropertyStringRoundTripTest {
    static final Pattern IPCONFIG = Pattern.compile("ipconfig\\d+");

    /** @return every (key, value) pair in the JSON whose key is a disk, NIC or ipconfig slot. */
    static List<Map.Entry<String, String>> propertyStrings(JsonNode node) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<Map.Entry<String, String>> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String k = e.getKey();
                if (e.getValue().isTextual() && (Disk.SLOT.matcher(k).matches() || Nic.SLOT.matcher(k).matches()
                        || IPCONFIG.matcher(k).matches())) {
                    out.add(Map.entry(k, e.getValue().asText()));
                }
                collect(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    @Test
    void everyDiskNicAndIpconfigStringInTheFixturesRoundTrips() {
        List<Map.Entry<String, String>> found = new ArrayList<>();
        Fixtures.all().forEach(f -> found.addAll(propertyStrings(f)));
        assertThat(found).extracting(Map.Entry::getKey).contains("scsi0", "rootfs", "net0");
        for (Map.Entry<String, String> e : found) {
            assertThat(PropertyString.parse(e.getValue()).format()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void typedViewsReadTheRecordedRequests() {
        List<Map.Entry<String, String>> found = new ArrayList<>();
        Fixtures.all().forEach(f -> found.addAll(propertyStrings(f)));
        for (Map.Entry<String, String> e : found) {
            PropertyString spec = PropertyString.parse(e.getValue());
            switch (e.getKey()) {
                case "scsi0", "rootfs" -> assertThat(new Disk(e.getKey(), spec).storage()).isEqualTo("local-zfs");
                case "net0" -> assertThat(new Nic(e.getKey(), spec).bridge()).isEqualTo("vmbr0");
                default -> { }
            }
        }
    }

    @Test
    void typedDiskNicAndIpconfigAccessorsSurviveAnEditWithoutLosingUnknownKeys() {
        Disk disk = new Disk("scsi0", PropertyString.parse(
                "local-lvm:vm-100-disk-0,aio=native,cache=writeback,discard=on,iothread=1,size=32G,ssd=1,format=raw,x-unknown=\"a,b\""));
        assertThat(disk.storage()).isEqualTo("local-lvm");
        assertThat(disk.size()).isEqualTo("32G");
        assertThat(disk.format()).isEqualTo("raw");
        assertThat(disk.cache()).isEqualTo("writeback");
        assertThat(disk.discard()).isEqualTo("on");
        assertThat(disk.ssd()).isTrue();
        assertThat(disk.iothread()).isTrue();
        assertThat(disk.with("size", "64G").spec().format()).isEqualTo(
                "local-lvm:vm-100-disk-0,aio=native,cache=writeback,discard=on,iothread=1,size=64G,ssd=1,format=raw,x-unknown=\"a,b\"");

        Nic nic = new Nic("net1", PropertyString.parse("virtio=BC:24:11:2E:0B:7C,bridge=vmbr1,firewall=1,tag=20,mtu=1450"));
        assertThat(nic.model()).isEqualTo("virtio");
        assertThat(nic.mac()).isEqualTo("BC:24:11:2E:0B:7C");
        assertThat(nic.bridge()).isEqualTo("vmbr1");
        assertThat(nic.tag()).isEqualTo("20");
        assertThat(nic.firewall()).isTrue();
        assertThat(nic.with("tag", "").spec().format()).isEqualTo("virtio=BC:24:11:2E:0B:7C,bridge=vmbr1,firewall=1,mtu=1450");

        IpConfig ip = new IpConfig(0, PropertyString.parse("ip=10.0.0.5/24,gw=10.0.0.1,ip6=auto"));
        assertThat(ip.ip()).isEqualTo("10.0.0.5/24");
        assertThat(ip.gateway()).isEqualTo("10.0.0.1");
        assertThat(ip.ip6()).isEqualTo("auto");
        assertThat(ip.dhcp()).isFalse();
        assertThat(ip.spec().format()).isEqualTo("ip=10.0.0.5/24,gw=10.0.0.1,ip6=auto");
    }
}
