package dev.proxmoxmpc.plugin.simulator.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads scenarios: {@code demo} (bundled YAML), {@code demo-offline} (the demo with node {@code pve3} down),
 * {@code large:N} (generated), or a user's YAML file.
 */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScenarioLoader() {
    }

    /**
     * @param spec {@code demo}, {@code demo-offline}, {@code large:N}, {@code empty}, or a path to a {@code .yml} file
     * @throws IllegalArgumentException naming the scenario and what is wrong
     */
    public static Scenario load(String spec) {
        if (spec.equals("demo")) {
            return bundled("demo");
        }
        if (spec.equals("demo-offline")) {
            return withOffline(bundled("demo"), "pve3");
        }
        if (spec.equals("empty")) {
            return bundled("empty");
        }
        if (spec.startsWith("large:")) {
            try {
                return LargeScenario.generate(Integer.parseInt(spec.substring(6).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scenario large:N needs a whole number of guests, got '" + spec + "'");
            }
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("unknown scenario '" + spec + "': use demo, demo-offline, large:N, empty or a YAML file");
        }
        return file(file);
    }

    public static Scenario file(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return YAML.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scenario " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** @return the scenario with {@code node} marked {@code offline: true}. */
    static Scenario withOffline(Scenario s, String node) {
        List<Scenario.NodeSpec> nodes = s.nodes().stream().map(n -> n.name().equals(node)
                ? new Scenario.NodeSpec(n.name(), n.ip(), n.cpus(), n.memory(), n.rootfs(), n.interfaces(), true) : n).toList();
        return new Scenario(s.cluster(), nodes, s.storages(), s.pools(), s.volumes(), s.templates(), s.vms(), s.containers(),
                s.backupJobs(), s.access());
    }

    private static Scenario bundled(String name) {
        String res = "/dev/proxmoxmpc/plugin/simulator/scenarios/" + name + ".yml";
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled scenario " + res);
            }
            return YAML.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new IllegalStateException("bundled scenario " + name + " is broken: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.split("\n")[0];
    }
}
