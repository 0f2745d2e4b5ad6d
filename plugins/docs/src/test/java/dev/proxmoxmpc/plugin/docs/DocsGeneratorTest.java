package dev.proxmoxmpc.plugin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsGeneratorTest {
    /** Mermaid's defaults: a diagram over maxTextSize (50,000 characters) or maxEdges (500) is not rendered. */
    private static final int MERMAID_MAX_TEXT = 50_000;
    private static final int MERMAID_MAX_EDGES = 500;
    private static final Pattern EDGE = Pattern.compile("-->|-\\.-");
    private static final Pattern GUEST_BOX = Pattern.compile("(?m)^\\s*guest_\\d+\\[");

    private final Inventory demo = Scenarios.inventory("demo");

    @Test
    void architectureNamesEveryNodeAndGuest() {
        String arch = Scenarios.byPath(Scenarios.generate(demo)).get("docs/architecture.md");
        for (Node n : demo.nodes()) {
            assertThat(arch).contains("### Node " + n.name());
        }
        for (Guest g : demo.guests()) {
            assertThat(arch).containsPattern("\\| " + g.vmid() + " \\| " + Pattern.quote(g.name()) + " \\|");
        }
        assertThat(arch).contains("| local-lvm | lvmthin | images, rootdir | no | all | pve/data |")
                .contains("| production | Production services | 7 |")
                .contains("| vmbr1 | bridge | eno2 | aware 2-4094 | - | - | VLAN trunk |")
                .contains("| 101 | web-02 | vm | running | 2 | 4 GiB | scsi0 local-lvm 32G | 10.0.0.102/24 | prod, web | production | started |")
                .contains("[tf](../terraform/vms/web_01.tf)")
                .contains("[tf](../terraform/containers/dns_01.tf)")
                .contains("```mermaid\nflowchart LR\n").doesNotContain("{{");
    }

    @Test
    void theHaColumnShowsTheStateTheServerReportedAtTheLastSync() {
        Inventory desired = demo.withGuests(demo.guests().stream().map(g -> g.withRuntime(GuestRuntime.NONE)).toList());
        String row = "| 101 | web-02 | vm | running | 2 | 4 GiB | scsi0 local-lvm 32G | 10.0.0.102/24 | prod, web | production | ";
        String unsynced = Scenarios.byPath(Scenarios.generate(desired)).get("docs/architecture.md");
        assertThat(unsynced).as("nothing observed yet").contains(row + "- |");
        String synced = Scenarios.byPath(new DocsGenerator().generate(new GenerationRequest(desired, "default",
                "https://127.0.0.1:8006", Map.of(), new ClasspathTemplates(), demo))).get("docs/architecture.md");
        assertThat(synced).contains(row + "started |").contains("| 100 | web-01 |");
        assertThat(synced.lines().filter(l -> l.startsWith("| 100 | web-01 |")).findFirst().orElseThrow())
                .as("not HA-managed on the server").contains("| production | - |");
    }

    @Test
    void liveUsageStaysOutOfTheDocs() {
        String arch = Scenarios.byPath(Scenarios.generate(demo)).get("docs/architecture.md");
        assertThat(arch).contains("Live figures").doesNotContainIgnoringCase("uptime:").doesNotContain("% used");
    }

    @Test
    void sameStateGivesTheSameBytes() {
        assertThat(Scenarios.byPath(Scenarios.generate(demo))).isEqualTo(Scenarios.byPath(Scenarios.generate(Scenarios.inventory("demo"))));
    }

    @Test
    void writesEveryDocumentRunbookAndScript() {
        assertThat(Scenarios.byPath(Scenarios.generate(demo)).keySet()).containsExactlyInAnyOrder(
                "docs/architecture.md", "docs/inventory.md", "docs/inventory.csv",
                "docs/diagrams/topology.mmd", "docs/diagrams/storage.mmd", "docs/diagrams/start-order.mmd",
                "docs/runbooks/README.md", "docs/runbooks/start-stop-cluster.md", "docs/runbooks/node-maintenance.md",
                "docs/runbooks/migrate-guest.md", "docs/runbooks/restore-guest.md", "docs/runbooks/replace-node.md",
                "docs/runbooks/lost-quorum.md", "docs/runbooks/rotate-api-token.md", "docs/runbooks/failed-apply.md",
                "docs/runbooks/rollback.md", "scripts/lib/pve-api.sh", "scripts/backup.sh", "scripts/restore.sh",
                "scripts/monitoring.sh");
    }

    @Test
    void runbooksNameRealGuestsAndNodesInTheirCommands() {
        Map<String, String> files = Scenarios.byPath(Scenarios.generate(demo));
        assertThat(files.get("docs/runbooks/migrate-guest.md"))
                .contains("proxmox-mpc migrate vm web-01 --to-node pve2").contains("qm migrate 100 pve2 --online");
        assertThat(files.get("docs/runbooks/node-maintenance.md"))
                .contains("ha-manager crm-command node-maintenance enable pve1")
                .contains("qm migrate 102 pve2 --online   # db-01").contains("pct migrate 203 pve2 --restart   # redis-cache");
        assertThat(files.get("docs/runbooks/start-stop-cluster.md"))
                .contains("ha-manager set vm:101 --state stopped").contains("ha-manager set ct:202 --state stopped")
                .contains("pvesh create /nodes/pve2/lxc/204/status/shutdown --timeout 180   # mqtt-broker")
                .doesNotContain("/qemu/101/status/shutdown")
                .contains("| 1 | web-01 | 100 | pve1 | any |");
        assertThat(files.get("docs/runbooks/restore-guest.md")).contains("qmrestore ARCHIVE 100 --force")
                .contains("pvesh get /nodes/pve1/storage/local/content --content backup --vmid 100");
        assertThat(files.get("docs/runbooks/replace-node.md")).contains("pvecm delnode pve1")
                .contains("mv /etc/pve/nodes/pve1/qemu-server/100.conf /etc/pve/nodes/pve2/qemu-server/");
        assertThat(files.get("docs/runbooks/rotate-api-token.md")).contains("PROXMOX_MPC_DEFAULT_SECRET");
        assertThat(files.values()).noneMatch(t -> t.contains("{{"));
    }

    @Test
    void startOrderFollowsTheStartupOption() {
        Map<String, String> files = Scenarios.byPath(Scenarios.generate(TrickyInventory.build()));
        String stages = files.get("docs/diagrams/start-order.mmd");
        assertThat(stages.indexOf("order 1")).isLessThan(stages.indexOf("order 2"));
        assertThat(stages.indexOf("order 2")).isLessThan(stages.indexOf("no order"));
        assertThat(stages).contains("db-01 (100) on pve-a, wait 30s").contains("vm-101 (101) on pve-c");
        assertThat(files.get("docs/runbooks/start-stop-cluster.md"))
                .contains("| 1 | db-01 | 100 | pve-a | order=1, up=30s, down=120s |")
                .contains("pvesh create /nodes/pve-a/qemu/100/status/start   # db-01; then wait 30 s");
    }

    @Test
    void valuesCannotBreakTheMarkdownOrTheCsv() {
        Map<String, String> files = Scenarios.byPath(Scenarios.generate(TrickyInventory.build()));
        assertThat(files.get("docs/architecture.md"))
                .contains("# Cluster lab \"one\"")
                .contains("| prod\\|web | say \"hi\" &lt;b&gt; | 1 | db-01 |")
                .contains("LAN \"main\" \\| &lt;core&gt; #1 \\`x\\` second line")
                .contains("| bond0 | bond (802.3ad) | eno1 eno2 |")
                .contains("| vmbr0.30 | vlan | vmbr0 | 30 | 198.51.100.2/24 |");
        assertThat(files.get("docs/inventory.csv")).startsWith("vmid,name,kind,node,status,vcpus,memory_mib,")
                .contains("\r\n100,db-01,vm,pve-a,running,1,2048,scsi0:local-zfs:32G scsi1:nfs-backup:1T,192.0.2.20/24,db;a|b,prod|web,started,1,\"order=1,up=30,down=120\",0,terraform/vms/db_01.tf\r\n")
                .contains("\r\n201,web-01,ct,pve.b,stopped,1,512,rootfs:local-zfs:8G,,,,,0,,1,terraform/containers/web_01_201.tf\r\n");
        assertThat(files.get("docs/diagrams/topology.mmd")).contains("#quot;main#quot;").doesNotContain("\"main\"")
                .contains("vmbr9 (not in the inventory)");
    }

    @Test
    void largeClustersStayWithinWhatMermaidRenders() {
        int cap = DocsOptions.DEFAULT_MAX_GUESTS;
        Map<String, String> files = Scenarios.byPath(Scenarios.generate(Scenarios.inventory("large:1000")));
        List<String> diagrams = files.keySet().stream().filter(p -> p.endsWith(".mmd")).toList();
        assertThat(diagrams).contains("docs/diagrams/topology-node1.mmd", "docs/diagrams/topology-node3.mmd").hasSize(6);
        for (String path : diagrams) {
            String text = files.get(path);
            assertThat(text.length()).as(path).isLessThan(MERMAID_MAX_TEXT);
            assertThat(count(EDGE, text)).as(path).isLessThan(MERMAID_MAX_EDGES);
            assertThat(count(GUEST_BOX, text)).as(path).isLessThanOrEqualTo(cap);
        }
        assertThat(count(GUEST_BOX, files.get("docs/diagrams/topology-node1.mmd"))).isEqualTo(cap);
        assertThat(files.get("docs/diagrams/topology.mmd")).contains("300 guests").contains("34 guests in pool bench");
        assertThat(files.get("docs/diagrams/topology-node1.mmd")).contains("+260 guests").contains("34 guests in pool bench");
        assertThat(files.get("docs/diagrams/storage.mmd")).contains("node_node1 -->|\"334 guests\"| storage_local_lvm");
        assertThat(files.get("docs/architecture.md")).contains("[diagrams/topology-node2.mmd](diagrams/topology-node2.mmd)");
        assertThat(files.get("docs/inventory.csv").split("\r\n")).hasSize(1001);
    }

    @Test
    void theCapIsAnOption() {
        Map<String, String> files = Scenarios.byPath(Scenarios.generate(demo, Map.of("max_guests_per_diagram", 5),
                new ClasspathTemplates(), ""));
        assertThat(count(GUEST_BOX, files.get("docs/diagrams/topology-pve1.mmd"))).isEqualTo(5);
        GenerationResult bad = Scenarios.generate(demo, Map.of("max_guests_per_diagram", "lots"), new ClasspathTemplates(), "");
        assertThat(bad.diagnostics()).singleElement().satisfies(d -> assertThat(d.summary())
                .isEqualTo("generators.docs.max_guests_per_diagram must be a whole number from 5 to 200, got 'lots'; using 40"));
    }

    @Test
    void aProjectTemplateOverridesTheBundledOne(@TempDir Path overrides) throws Exception {
        Path t = overrides.resolve("docs/runbooks/rollback.md.hbs");
        Files.createDirectories(t.getParent());
        Files.writeString(t, "# Our rollback for {{cluster}}: call {{guest.label}}'s owner first\n");
        Map<String, String> files = Scenarios.byPath(Scenarios.generate(demo, Map.of(), new ClasspathTemplates(overrides), ""));
        assertThat(files.get("docs/runbooks/rollback.md")).isEqualTo("# Our rollback for demo: call web-01's owner first\n");
        assertThat(files.get("docs/runbooks/restore-guest.md")).startsWith("# Restore a guest of demo");
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
