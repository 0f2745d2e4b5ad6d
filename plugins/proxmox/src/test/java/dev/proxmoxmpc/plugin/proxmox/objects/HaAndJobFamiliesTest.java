package dev.proxmoxmpc.plugin.proxmox.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which PVE versions the HA families read, and the calls the job and HA families make for each change. */
class HaAndJobFamiliesTest {
    private static ObjectReads version(String v) {
        return new ObjectReads(null, List.of("pve1"), List.of(), v, () -> { });
    }

    @Test
    void groupsAreReadOnlyFromPve8AndRulesNotFromPve8() {
        assertThat(new HaGroups().reads(version("8.4.1"))).hasSize(1);
        assertThat(new HaGroups().reads(version("9.2.4"))).isEmpty();
        assertThat(new HaGroups().reads(version(""))).as("unknown version: not guessed").isEmpty();
        assertThat(new HaRules().reads(version("8.4.1"))).isEmpty();
        assertThat(new HaRules().reads(version("9.0.3"))).hasSize(1);
        assertThat(ObjectFamilies.of("ha-resource")).containsInstanceOf(HaResources.class);
        assertThat(ObjectFamilies.of("replication")).containsInstanceOf(Replications.class);
    }

    @Test
    void aReplicationJobIsCreatedAsLocalAndUpdatedWithoutItsTarget() {
        Recorder w = new Recorder();
        new Replications().write(w, change(ChangeAction.CREATE, "replication", "101-0", Map.of("target", "pve3", "schedule", "*/30"), List.of()));
        new Replications().write(w, change(ChangeAction.UPDATE, "replication", "101-0", Map.of("target", "pve3", "rate", "10"), List.of("schedule")));
        new Replications().write(w, change(ChangeAction.DELETE, "replication", "101-0", Map.of(), List.of()));
        assertThat(w.calls).containsExactly(
                "POST /cluster/replication {id=101-0, type=local, schedule=*/30, target=pve3}",
                "PUT /cluster/replication/{id} {id=101-0, rate=10, delete=schedule}",
                "DELETE /cluster/replication/{id} {id=101-0}");
    }

    @Test
    void haResourcesAndRulesGoByTheirIds() {
        Recorder w = new Recorder();
        new HaResources().write(w, change(ChangeAction.CREATE, "ha-resource", "vm:101", Map.of("state", "started"), List.of()));
        new HaRules().write(w, change(ChangeAction.UPDATE, "ha-rule", "web", Map.of("type", "node-affinity", "nodes", "pve1"), List.of("strict")));
        new HaGroups().write(w, change(ChangeAction.DELETE, "ha-group", "g1", Map.of(), List.of()));
        assertThat(w.calls).containsExactly(
                "POST /cluster/ha/resources {sid=vm:101, state=started}",
                "PUT /cluster/ha/rules/{rule} {rule=web, nodes=pve1, type=node-affinity, delete=strict}",
                "DELETE /cluster/ha/groups/{group} {group=g1}");
    }

    private static Change change(ChangeAction a, String kind, String id, Map<String, String> settings, List<String> deletions) {
        return new Change(a, ResourceRef.object(kind, "", id), new java.util.TreeMap<>(settings), deletions, Map.of(), "");
    }

    /** Records the calls as the privilege pre-check does. */
    private static final class Recorder implements ObjectWrites {
        final List<String> calls = new ArrayList<>();

        @Override
        public JsonNode write(String what, String method, String template, Map<String, String> params) {
            calls.add(method + " " + template + " " + params);
            return JsonNodeFactory.instance.nullNode();
        }

        @Override
        public JsonNode get(String path) {
            return JsonNodeFactory.instance.arrayNode();
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean recording() {
            return true;
        }
    }
}
