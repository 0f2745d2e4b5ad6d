package dev.proxmoxmpc.plugin.proxmox.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
    private static final Path DIR = Path.of("/project/.proxmox/cache/prod").toAbsolutePath();

    private static String name(String node, String storage, Map<String, String> query) {
        return CacheKey.of("/nodes/" + node + "/storage/" + storage + "/content", query).fileName();
    }

    @Test
    void namesAreReadableAndIndependentOfQueryOrder() {
        assertThat(name("pve1", "local", Map.of("content", "iso"))).isEqualTo("nodes_pve1_storage_local_content@content=iso.json");
        assertThat(name("pve1", "local-lvm", Map.of())).isEqualTo("nodes_pve1_storage_local-lvm_content.json");
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("content", "backup");
        ab.put("vmid", "100");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("vmid", "100");
        ba.put("content", "backup");
        assertThat(name("pve1", "nfs.backup", ab)).isEqualTo(name("pve1", "nfs.backup", ba))
                .isEqualTo("nodes_pve1_storage_nfs.backup_content@content=backup,vmid=100.json");
    }

    @Test
    void unsafeSegmentsAreEncodedAndNeverLeaveTheDirectory() {
        List<String> hostile = List.of("..", ".", "...", "../../etc", "a\\b", "a\u0000b", "C:", "%2e%2e", "~root", "a b",
                "nöde", "a_b", "a@b", "a=b", ".hidden", "\n", "con", "a,b");
        for (String value : hostile) {
            String segment = value.replace("/", ""); // a path segment has no slash (the whitelist refuses it)
            for (String name : List.of(name(segment, segment, Map.of()), name("pve1", "local", Map.of(value, value)))) {
                Path file = DIR.resolve(name).normalize();
                assertThat(file.getParent()).as(value).isEqualTo(DIR);
                assertThat(name).as(value).doesNotStartWith(".").doesNotContain("/", "\\", "\u0000", "\n", ":", " ")
                        .matches("[A-Za-z0-9%.@=,_-]+\\.json");
            }
        }
        assertThatThrownBy(() -> name("../../etc", "local", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(name("..", "local", Map.of())).isEqualTo("nodes_%2E._storage_local_content.json");
        assertThat(name("a\u0000b", "local", Map.of())).isEqualTo("nodes_a%00b_storage_local_content.json");
        assertThat(name("nöde", "local", Map.of())).isEqualTo("nodes_n%C3%B6de_storage_local_content.json");
    }

    @Test
    void differentKeysNeverShareAName() {
        Set<String> names = new HashSet<>();
        List<String> nodes = List.of("a_b", "a%5Fb", "a", "a@b", "a=b", "a,b", "A", "a.", "a-");
        for (String node : nodes) {
            names.add(name(node, "s", Map.of()));
            names.add(name(node, "s", Map.of("content", "iso")));
            names.add(name("n", "s", Map.of("content", node)));
        }
        names.add(name("n", "s", Map.of("content", "iso,vmid=1")));
        names.add(name("n", "s", Map.of("content", "iso", "vmid", "1")));
        assertThat(names).hasSize(nodes.size() * 3 + 2);
    }

    @Test
    void longNamesAreCutAndKeptApartByAHash() {
        String a = name("n".repeat(300), "local", Map.of());
        String b = name("n".repeat(301), "local", Map.of());
        assertThat(a.length()).isLessThanOrEqualTo(170);
        assertThat(b.length()).isLessThanOrEqualTo(170);
        assertThat(a).isNotEqualTo(b).endsWith(".json").startsWith("nodes_nnn");
        assertThat(name("n".repeat(300), "local", Map.of())).isEqualTo(a);
    }

    @Test
    void onlyWhitelistedReadsCanBeKeys() {
        for (String path : List.of("/access/ticket", "/cluster/resources", "/nodes/pve1/qemu/100/config", "/version",
                "/nodes/pve1/storage/local/content/local:iso%2Fx.iso", "/nodes//storage/local/content", "nodes/pve1/storage/local/content")) {
            assertThatThrownBy(() -> CacheKey.of(path, Map.of())).as(path)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a cacheable read");
        }
    }
}
