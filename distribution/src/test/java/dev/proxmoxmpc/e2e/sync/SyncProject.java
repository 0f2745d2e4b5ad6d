package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Path;

/** A project initialised against a running simulator, and the product to run commands in it. */
final class SyncProject {
    private static final ObjectMapper JSON = new ObjectMapper();
    final Path dir;
    final Product product;

    private SyncProject(Path dir, Product product) {
        this.dir = dir;
        this.product = product;
    }

    static SyncProject init(Path tmp, SimulatorServer sim) {
        Path dir = tmp.resolve("project");
        Product product = Product.inHome(tmp.resolve("home")).env("PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret());
        Product.Run init = product.run(dir, "init", "--host", "127.0.0.1", "--port", Integer.toString(sim.port()),
                "--token-id", sim.tokenId(), "--token-secret-env", "PROXMOX_MPC_DEFAULT_SECRET", "--fingerprint", sim.fingerprint());
        assertThat(init.exitCode()).as(init.all()).isZero();
        return new SyncProject(dir, product);
    }

    /** @return the project in {@code dir} (an export, a clone), run with the same product and environment */
    static SyncProject at(Path dir, Product product) {
        return new SyncProject(dir, product);
    }

    Product.Run run(String... args) {
        return product.run(dir, args);
    }

    /** Runs a command that must succeed. */
    Product.Run ok(String... args) {
        Product.Run r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.all()).isZero();
        return r;
    }

    JsonNode json(String... args) throws Exception {
        Product.Run r = ok(args);
        String out = r.stdout();
        int start = Math.min(out.indexOf('{') < 0 ? Integer.MAX_VALUE : out.indexOf('{'), out.indexOf('[') < 0 ? Integer.MAX_VALUE : out.indexOf('['));
        return JSON.readTree(out.substring(start));
    }

    /** @return the state snapshot a /sync or /apply run reports ({@code Snapshot 20261125-203541-sync}). */
    static String snapshotOf(Product.Run run) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Snapshot (\\S+)").matcher(run.stdout());
        String id = null;
        while (m.find()) {
            id = m.group(1);
        }
        assertThat(id).as("snapshot id in\n" + run.all()).isNotNull();
        return id;
    }
}
