package dev.proxmoxmpc.plugin.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates (and imports back) 10,000 guests made from the demo scenario's guests. Excluded by default; run with
 * {@code ./mvnw -q -B -o -pl plugins/terraform test -Dterraform.excludedGroups= -Dtest=GenerationBenchmarkTest}.
 * Prints its figures; asserts only on the output, never on time.
 */
@Tag("benchmark")
class GenerationBenchmarkTest {
    static final int GUESTS = Integer.getInteger("bench.guests", 10_000);

    @TempDir
    Path dir;

    static Inventory large(int count) {
        Inventory demo = Inventories.load("fixtures/demo.json");
        List<Guest> out = new ArrayList<>();
        List<Guest> models = demo.guests();
        for (int i = 0; i < count; i++) {
            Guest m = models.get(i % models.size());
            int vmid = 1000 + i;
            String label = (m.name().isEmpty() ? "guest" : m.name()) + "-" + i;
            Guest g = m instanceof VirtualMachine vm
                    ? new VirtualMachine(vmid, vm.node(), vm.pool(), vm.status(), vm.config(), vm.runtime()).withConfigValue("name", label)
                    : ((Container) m).withConfigValue("hostname", label);
            if (g instanceof Container c) {
                g = new Container(vmid, c.node(), c.pool(), c.status(), c.config(), c.runtime());
            }
            out.add(g);
        }
        return demo.withGuests(out);
    }

    @Test
    void generatesAndImportsTenThousandGuests() throws Exception {
        Inventory inventory = large(GUESTS);
        TerraformGenerator generator = new TerraformGenerator();
        CachingTemplates templates = new CachingTemplates();
        generator.generate(new GenerationRequest(large(500), "default", "", Map.of(), templates)); // warm-up
        long best = Long.MAX_VALUE;
        GenerationResult result = null;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            result = generator.generate(new GenerationRequest(inventory, "default", "", Map.of(), templates));
            best = Math.min(best, System.nanoTime() - t0);
        }
        long bytes = result.files().stream().mapToLong(f -> f.content().length()).sum();
        Generation.write(result, dir);
        long t1 = System.nanoTime();
        Importing.read(dir, inventory); // first (cold) run
        long cold = System.nanoTime() - t1;
        long t2 = System.nanoTime();
        ImportResult imported = Importing.read(dir, inventory);
        long importNanos = System.nanoTime() - t2;

        System.out.printf("terraform benchmark: %d guests -> %d files, %.1f MB; generate best of 3: %d ms; "
                        + "import (parse + map, %d files): %d ms cold, %d ms second run%n", GUESTS, result.files().size(),
                bytes / 1e6, best / 1_000_000, result.files().size(), cold / 1_000_000, importNanos / 1_000_000);
        assertThat(result.files()).hasSize(GUESTS + 8);
        assertThat(imported.desired()).isEqualTo(inventory);
    }
}
