package dev.proxmoxmpc.e2e.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The green-field flow of the resource commands on the simulator: create two VMs (one from a template), /plan lists
 * two creates, /apply makes them on the server with the right config and the next plan is empty; then scale,
 * migrate, clone and delete each go through /plan and /apply and land on the server as do a new
 * container, an NFS storage definition, a bridge and a VLAN interface (staged, then applied by the reload task) and
 * a VM's moves into a pool and on to another; after each /apply the plan is empty.
 */
class GreenFieldFlowIT {

    @Test
    void createPlanApplyThenScaleMigrateCloneDelete(@TempDir Path tmp) throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().scenarioFile(GreenField.write(tmp)).port(0).build();
        try (SimulatorServer sim = SimulatorServer.start(options)) {
            ResourcesProject p = ResourcesProject.init(tmp, sim);

            p.batch("sync",
                    "create vm --name web-01 --cores 4 --memory 8192 --template ubuntu-2404-cloud --ip 10.0.0.21/24,gw=10.0.0.1"
                            + " --disk scsi0=16G",
                    "create vm --name db-01 --cores 8 --memory 16384 --storage local-lvm --disk 64G");
            java.util.Map<String, String> files = p.generatedFiles();
            assertThat(files.keySet()).anyMatch(f -> f.startsWith("terraform/"));
            Product.Run refused = p.run("create", "vm", "--name", "db-01", "--cores", "2");
            assertThat(refused.exitCode()).as(refused.all()).isNotZero();
            assertThat(refused.stderr().strip()).contains("a guest named 'db-01' already exists").doesNotContain("\n");
            Product.Run badMemory = p.run("create", "vm", "--name", "app-01", "--memory", "8");
            assertThat(badMemory.exitCode()).as(badMemory.all()).isEqualTo(2);
            assertThat(badMemory.stderr().strip()).contains("--memory must be at least 16 MiB, got 8").doesNotContain("\n");
            assertThat(p.generatedFiles()).as("a refused command writes no file").isEqualTo(files);

            Product.Run plan = p.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isEqualTo(3);
            assertThat(plan.stdout()).contains("web-01  (will be cloned from 9000)", "db-01  (will be created)")
                    .doesNotContain("will be destroyed", "will be updated");

            p.ok("apply", "--yes");
            JsonNode web = p.serverGuest("web-01").orElseThrow();
            JsonNode db = p.serverGuest("db-01").orElseThrow();
            JsonNode webConfig = p.serverConfig(web);
            assertThat(webConfig.path("cores").asText()).isEqualTo("4");
            assertThat(webConfig.path("memory").asText()).isEqualTo("8192");
            assertThat(webConfig.path("ipconfig0").asText()).isEqualTo("ip=10.0.0.21/24,gw=10.0.0.1");
            assertThat(webConfig.has("template")).isFalse();
            assertThat(webConfig.path("scsi0").asText()).as("the template's 8G disk grown").contains("size=16G");
            JsonNode dbConfig = p.serverConfig(db);
            assertThat(dbConfig.path("cores").asText()).isEqualTo("8");
            assertThat(dbConfig.path("memory").asText()).isEqualTo("16384");
            assertThat(dbConfig.path("scsi0").asText()).startsWith("local-lvm:vm-" + db.path("vmid").asInt() + "-disk-0").contains("size=64G");
            assertThat(dbConfig.path("net0").asText()).startsWith("virtio=").contains("bridge=vmbr0");

            // each batch starts with /plan: with --detailed-exitcode the run exits 0 only when that plan was empty
            p.batch("plan", "scale vm web-01 --cores 6 --memory 12288", "apply --yes");
            assertThat(p.serverConfig(p.serverGuest("web-01").orElseThrow()).path("cores").asText()).isEqualTo("6");

            p.batch("plan", "migrate vm db-01 --to-node pve2", "apply --yes");
            assertThat(p.serverGuest("db-01").orElseThrow().path("node").asText()).isEqualTo("pve2");

            p.batch("plan", "clone vm web-01 --name web-02", "apply --yes");
            assertThat(p.serverConfig(p.serverGuest("web-02").orElseThrow()).path("cores").asText()).isEqualTo("6");

            p.batch("plan", "delete vm web-02 --yes", "apply --yes");
            assertThat(p.serverGuest("web-02")).isEmpty();

            Product.Run noTemplate = p.run("create", "container", "--hostname", "dns-02", "--ostemplate",
                    "local:vztmpl/debian-13-standard_13.1-1_amd64.tar.zst");
            assertThat(noTemplate.exitCode()).as(noTemplate.all()).isEqualTo(1);
            assertThat(noTemplate.stderr().strip()).as("one line naming what the storage holds")
                    .contains("local:vztmpl/debian-13-standard_13.1-1_amd64.tar.zst is not on storage local (node pve1)",
                            "container templates there: debian-12-standard_12.7-1_amd64.tar.zst")
                    .doesNotContain("\n");
            assertThat(cachedAnswers(p)).as("the template list was kept in .proxmox/cache/default").isEqualTo(1);

            p.batch("plan", "create container --hostname dns-01 --ostemplate local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"
                    + " --memory 1024 --unprivileged --features nesting=1 --mp /data=local-lvm:4"
                    + " --net name=eth0,bridge=vmbr0,ip=10.0.0.53/24,gw=10.0.0.1 --password-env " + ResourcesProject.CT_PASSWORD_ENV,
                    "apply --yes");
            JsonNode ct = p.serverContainerConfig(p.serverContainer("dns-01").orElseThrow());
            assertThat(ct.path("memory").asText()).isEqualTo("1024");
            assertThat(ct.path("unprivileged").asText()).isEqualTo("1");
            assertThat(ct.path("features").asText()).isEqualTo("nesting=1");
            assertThat(ct.path("mp0").asText()).contains("mp=/data").contains("size=4G");
            assertThat(ct.path("net0").asText()).contains("ip=10.0.0.53/24").contains("gw=10.0.0.1");
            assertThat(cachedAnswers(p)).as("/apply empties the cache: the change may have written volumes").isZero();
            assertEmptyPlan(p);

            p.batch("plan", "create storage --name backup-nfs --type nfs --server 10.0.0.20 --export /srv/backup --content backup",
                    "apply --yes");
            assertEmptyPlan(p);
            JsonNode storages = p.json("list", "storage", "--json").path("storages");
            assertThat(storages.findValuesAsText("id")).contains("backup-nfs");
            for (JsonNode st : storages) {
                assertThat(st.path("pending").asText()).as(st.toString()).isEmpty();
            }
            // use and capacity per node, read from the server now (GET /cluster/resources)
            JsonNode local = null;
            for (JsonNode st : storages) {
                if (st.path("id").asText().equals("local")) {
                    local = st;
                }
            }
            assertThat(local.path("usage").size()).as(local.toString()).isPositive();
            assertThat(local.at("/usage/0/total").asLong()).as(local.toString()).isPositive();

            p.batch("plan", "create network --name vmbr1 --node pve1 --cidr 10.10.0.1/24 --vlan-aware --comments lab-net",
                    "create network --name vmbr0.40 --node pve1", "apply --yes");
            assertEmptyPlan(p);
            JsonNode vmbr1 = p.serverInterface("pve1", "vmbr1").orElseThrow();
            assertThat(vmbr1.path("type").asText()).isEqualTo("bridge");
            assertThat(vmbr1.path("cidr").asText()).isEqualTo("10.10.0.1/24");
            assertThat(vmbr1.path("bridge_vlan_aware").asInt()).isEqualTo(1);
            assertThat(vmbr1.path("active").asInt()).as("applied by the reload task, not only staged").isEqualTo(1);
            JsonNode vlan = p.serverInterface("pve1", "vmbr0.40").orElseThrow();
            assertThat(vlan.path("vlan-raw-device").asText()).isEqualTo("vmbr0");
            assertThat(vlan.path("vlan-id").asText()).isEqualTo("40");

            int webId = p.serverGuest("web-01").orElseThrow().path("vmid").asInt();
            p.batch("plan", "update vm web-01 --pool lab", "apply --yes");
            assertEmptyPlan(p);
            assertThat(p.serverGuest("web-01").orElseThrow().path("pool").asText()).isEqualTo("lab");
            p.batch("plan", "update vm web-01 --pool prod", "apply --yes");
            assertEmptyPlan(p);
            assertThat(p.serverGuest("web-01").orElseThrow().path("pool").asText()).isEqualTo("prod");
            assertThat(p.serverPoolMembers("lab")).isEmpty();
            assertThat(p.serverPoolMembers("prod")).containsExactly(webId);

            JsonNode list = p.json("list", "vms", "--json");
            assertThat(list.path("guests").findValuesAsText("name")).containsExactlyInAnyOrder("ubuntu-2404-cloud", "web-01", "db-01")
                    .doesNotContain("web-02");
        }
    }

    /** @return how many answers {@code /cache --json} reports for the environment {@code default}. */
    /**
     * @return the cached API answers of the default environment (what `cache list` counts, less the guest summaries a
     *     targeted /plan keeps beside them, which are no answer)
     */
    private static int cachedAnswers(ResourcesProject p) throws Exception {
        int summaries = Files.exists(p.dir.resolve(".proxmox/cache/default/_guest-summaries.json")) ? 1 : 0;
        for (JsonNode env : p.json("cache", "--json")) {
            if (env.path("environment").asText().equals("default")) {
                return env.path("entries").asInt() - summaries;
            }
        }
        return 0;
    }

    private static void assertEmptyPlan(ResourcesProject p) {
        Product.Run plan = p.run("--detailed-exitcode", "plan");
        assertThat(plan.exitCode()).as("plan after apply must be empty\n" + plan.all()).isZero();
    }
}
