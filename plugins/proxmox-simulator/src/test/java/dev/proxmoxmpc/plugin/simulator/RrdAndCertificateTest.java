package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code rrddata} of nodes and guests (timeframes, {@code cf}, PVE 9's field names, deterministic series with the
 * demo's oversized VM 102 and saturated VM 104), {@code certificates/info}, and the live figures of
 * {@code /cluster/resources} telling the same story.
 */
class RrdAndCertificateTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private static double max(JsonNode rows, String field) {
        double m = 0;
        for (JsonNode r : rows) {
            m = Math.max(m, r.path(field).asDouble());
        }
        return m;
    }

    @Test
    void guestRrdHasSeventyRowsOneStepApartWithPve9FieldNames() {
        JsonNode rows = http.get("/nodes/pve1/qemu/100/rrddata?timeframe=hour&cf=AVERAGE").data();
        assertThat(rows).hasSize(70);
        assertThat(rows.get(1).get("time").asLong() - rows.get(0).get("time").asLong()).isEqualTo(60);
        List<String> fields = new ArrayList<>();
        rows.get(69).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("time", "cpu", "maxcpu", "mem", "memhost", "maxmem", "disk", "maxdisk", "netin",
                "netout", "diskread", "diskwrite", "pressurecpusome", "pressurememoryfull");
        JsonNode day = http.get("/nodes/pve1/qemu/100/rrddata?timeframe=week").data();
        assertThat(day.get(1).get("time").asLong() - day.get(0).get("time").asLong()).isEqualTo(10_800);
        JsonNode ct = http.get("/nodes/pve1/lxc/200/rrddata?timeframe=day&cf=MAX").data().get(69);
        assertThat(ct.has("memhost")).as("memhost is a VM figure").isFalse();
        assertThat(ct.get("maxmem").asLong()).isEqualTo(1024L << 20);
    }

    @Test
    void maxIsAtLeastTheAverageAndTheSameRequestAnswersTheSameSeries() {
        String path = "/nodes/pve1/qemu/100/rrddata?timeframe=day";
        JsonNode avg = http.get(path + "&cf=AVERAGE").data();
        JsonNode max = http.get(path + "&cf=MAX").data();
        for (int i = 0; i < 70; i++) {
            if (avg.get(i).get("time").asLong() == max.get(i).get("time").asLong()) {
                assertThat(max.get(i).get("cpu").asDouble()).isGreaterThanOrEqualTo(avg.get(i).get("cpu").asDouble());
            }
        }
        JsonNode again = http.get(path + "&cf=AVERAGE").data();
        if (again.get(0).get("time").equals(avg.get(0).get("time"))) {
            assertThat(again).isEqualTo(avg);
        }
    }

    @Test
    void theDemoHasAnOversizedAndASaturatedGuest() {
        JsonNode oversized = http.get("/nodes/pve1/qemu/102/rrddata?timeframe=week&cf=MAX").data();
        assertThat(max(oversized, "mem") / (16384L << 20)).as("db-01 uses a tenth of its 16 GiB").isLessThan(0.2);
        assertThat(max(oversized, "cpu")).isLessThan(0.1);
        JsonNode saturated = http.get("/nodes/pve2/qemu/104/rrddata?timeframe=week&cf=MAX").data();
        assertThat(max(saturated, "cpu")).isGreaterThan(0.9);
        assertThat(max(saturated, "mem") / (8192L << 20)).isGreaterThan(0.9);
    }

    @Test
    void aVmWithoutBalloonDriverReportsTheHostsViewAsMem() {
        JsonNode row = http.get("/nodes/pve1/qemu/109/rrddata?timeframe=hour&cf=MAX").data().get(69);
        assertThat(row.get("mem").asDouble()).isEqualTo(row.get("memhost").asDouble());
        JsonNode linux = http.get("/nodes/pve1/qemu/100/rrddata?timeframe=hour&cf=MAX").data().get(69);
        assertThat(linux.get("mem").asDouble()).isLessThan(linux.get("memhost").asDouble());
    }

    @Test
    void nodeRrdSumsItsGuestsAndAcceptsDecade() {
        JsonNode rows = http.get("/nodes/pve2/rrddata?timeframe=hour").data();
        assertThat(rows).hasSize(70);
        JsonNode last = rows.get(69);
        assertThat(last.get("maxcpu").asDouble()).isEqualTo(32);
        assertThat(last.get("memused").asDouble()).isGreaterThan(2.0 * (1L << 30)).isLessThan(last.get("memtotal").asDouble());
        assertThat(http.get("/nodes/pve2/rrddata?timeframe=decade").status()).isEqualTo(200);
    }

    @Test
    void refusesABadTimeframeOrCfLikePve() {
        PveHttp.Response r = http.get("/nodes/pve1/qemu/100/rrddata?timeframe=decade");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("timeframe");
        assertThat(http.get("/nodes/pve1/qemu/100/rrddata?timeframe=hour&cf=MIN").status()).isEqualTo(400);
        assertThat(http.get("/nodes/pve1/qemu/100/rrddata").status()).isEqualTo(400);
        assertThat(http.get("/nodes/pve1/lxc/100/rrddata?timeframe=hour").status()).isEqualTo(500);
    }

    @Test
    void certificatesInfoListsTheCaAndTheNodeCertificateFarFromExpiry() {
        JsonNode certs = http.get("/nodes/pve3/certificates/info").data();
        assertThat(certs.findValuesAsText("filename")).containsExactly("pve-root-ca.pem", "pve-ssl.pem");
        JsonNode node = certs.get(1);
        assertThat(node.get("subject").asText()).contains("OU=PVE Cluster Node").contains("O=Proxmox Virtual Environment");
        assertThat(node.get("issuer").asText()).isEqualTo(certs.get(0).get("subject").asText());
        assertThat(node.get("fingerprint").asText()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        long now = System.currentTimeMillis() / 1000;
        assertThat(node.get("notafter").asLong() - now).isGreaterThan(300L * 86_400);
        assertThat(node.get("notbefore").asLong()).isLessThan(now);
        List<String> san = new ArrayList<>();
        node.get("san").forEach(s -> san.add(s.asText()));
        assertThat(san).contains("IP Address:127.0.0.1", "DNS:localhost"); // the certificate the simulator really serves
    }

    @Test
    void clusterResourcesCountersGrowAndTheSaturatedGuestShowsThere() throws Exception {
        JsonNode first = guest(104);
        assertThat(first.get("cpu").asDouble()).isGreaterThan(0.9);
        assertThat(first.get("mem").asDouble() / first.get("maxmem").asDouble()).isGreaterThan(0.9);
        assertThat(first.get("memhost").asLong()).isGreaterThanOrEqualTo(first.get("mem").asLong());
        Thread.sleep(1100);
        JsonNode second = guest(104);
        for (String counter : Set.of("netin", "netout", "diskread", "diskwrite")) {
            assertThat(second.get(counter).asLong()).as(counter).isGreaterThan(first.get(counter).asLong());
        }
    }

    private JsonNode guest(int vmid) {
        for (JsonNode r : http.get("/cluster/resources?type=vm").data()) {
            if (r.get("vmid").asInt() == vmid) {
                return r;
            }
        }
        throw new AssertionError("no guest " + vmid);
    }
}
