package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Parallel clients creating, reading and changing guests all get consistent answers. */
class ConcurrencyTest {

    @Test
    void parallelClientsCreateDistinctGuestsAndReadConsistentState() throws Exception {
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(10).build())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int worker = i;
                results.add(pool.submit(() -> {
                    PveHttp http = new PveHttp(server);
                    for (int j = 0; j < 5; j++) {
                        int vmid = 1000 + worker * 10 + j;
                        String exit = http.runTask(http.post("/nodes/pve" + (1 + j % 3) + "/qemu", form("vmid", vmid,
                                "scsi0", "local-lvm:1", "net0", "virtio,bridge=vmbr0")));
                        if (!exit.equals("OK")) {
                            return "create " + vmid + ": " + exit;
                        }
                        if (http.get("/cluster/resources?type=vm").status() != 200) {
                            return "resources failed";
                        }
                        if (http.put("/nodes/pve" + (1 + j % 3) + "/qemu/" + vmid + "/config", form("cores", 2)).status() != 200) {
                            return "update " + vmid + " failed";
                        }
                    }
                    return "ok";
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(outcomes).containsOnly("ok");
            assertThat(server.guestCount()).isEqualTo(19 + 40);
            assertThat(new PveHttp(server).get("/nodes/pve1/storage/local-lvm/content").data().findValuesAsText("volid"))
                    .doesNotHaveDuplicates();
        }
    }
}
