package dev.proxmoxmpc.plugin.proxmox.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The recorded real PVE responses in this repository's {@code testdata/pve-api/fixtures}, found through {@code mpc.testdata.dir}. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    public static Path dir() {
        String testdata = System.getProperty("mpc.testdata.dir", "../../testdata");
        Path dir = Path.of(testdata, "pve-api", "fixtures");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("fixtures not found at " + dir + " (mpc.testdata.dir=" + testdata + ")");
        }
        return dir;
    }

    public static JsonNode load(String file) {
        try {
            return JSON.readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return every fixture file as JSON. */
    public static List<JsonNode> all() {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir())) {
            files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> {
                try {
                    out.add(JSON.readTree(p.toFile()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** @return the interactions of a fixture (one for single-request files). */
    public static List<JsonNode> interactions(JsonNode fixture) {
        List<JsonNode> out = new ArrayList<>();
        if (fixture.has("interactions")) {
            fixture.get("interactions").forEach(out::add);
        } else if (fixture.has("request")) {
            out.add(fixture);
        }
        return out;
    }

    /** @return the response body of the first interaction with this method and path. */
    public static JsonNode responseBody(String file, String method, String path) {
        for (JsonNode i : interactions(load(file))) {
            if (i.path("request").path("method").asText().equals(method) && i.path("request").path("path").asText().equals(path)) {
                return i.path("response").path("body");
            }
        }
        throw new IllegalArgumentException("no " + method + " " + path + " in " + file);
    }
}
