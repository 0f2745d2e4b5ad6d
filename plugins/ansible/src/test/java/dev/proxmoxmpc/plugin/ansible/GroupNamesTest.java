package dev.proxmoxmpc.plugin.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.ansible.naming.GroupNames;
import dev.proxmoxmpc.plugin.ansible.naming.HostNames;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupNamesTest {

    @Test
    void turnsDashesDotsAndUnicodeIntoValidGroupNames() {
        Map<String, String> names = GroupNames.assign("tag", List.of("web", "prod-eu", "k8s.node", "café", "日本", "-"));

        assertThat(names).containsEntry("web", "tag_web").containsEntry("prod-eu", "tag_prod_eu")
                .containsEntry("k8s.node", "tag_k8s_node").containsEntry("café", "tag_cafe")
                .containsEntry("日本", "tag_u65e5u672c").containsEntry("-", "tag__");
        assertThat(names.values()).allMatch(GroupNames::valid);
    }

    @Test
    void keepsCollidingNamesApartWithAStableHash() {
        Map<String, String> names = GroupNames.assign("tag", List.of("team-a", "team.a", "team_a"));

        assertThat(names.get("team_a")).isEqualTo("tag_team_a");
        assertThat(names.get("team-a")).matches("tag_team_a_[0-9a-f]{6}");
        assertThat(names.get("team.a")).matches("tag_team_a_[0-9a-f]{6}");
        assertThat(Set.copyOf(names.values())).hasSize(3);
        assertThat(names.values()).allMatch(GroupNames::valid);
    }

    @Test
    void dependsOnTheSetOfNamesNotTheirOrder() {
        assertThat(GroupNames.assign("tag", List.of("a-b", "a.b", "x")))
                .isEqualTo(GroupNames.assign("tag", List.of("x", "a.b", "a-b", "x")));
    }

    @Test
    void inverseReadsGroupNamesBack() {
        List<String> tags = List.of("team-a", "team.a", "日本");
        Map<String, String> forward = GroupNames.assign("tag", tags);
        Map<String, String> back = GroupNames.inverse("tag", tags);

        forward.forEach((tag, group) -> assertThat(back.get(group)).isEqualTo(tag));
    }

    @Test
    void hostNamesAreUniqueAndDoNotShadowGroups() {
        var guests = List.of(
                Fixtures.vm(100, "web-01", "pve1", PowerState.RUNNING, Map.of()),
                Fixtures.vm(101, "web-01", "pve1", PowerState.RUNNING, Map.of()),
                Fixtures.vm(102, "running", "pve1", PowerState.RUNNING, Map.of()),
                Fixtures.vm(103, "", "pve1", PowerState.RUNNING, Map.of("name", "")),
                Fixtures.ct(104, "we b", "pve1", PowerState.RUNNING, Map.of()));

        Map<Integer, String> hosts = HostNames.assign(guests, Set.of("running"));

        assertThat(hosts).containsEntry(100, "web-01").containsEntry(101, "web-01-101")
                .containsEntry(102, "running-102").containsEntry(103, "vm-103").containsEntry(104, "we_b");
    }
}
