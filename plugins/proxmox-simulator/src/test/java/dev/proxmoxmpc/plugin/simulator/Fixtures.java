package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Recorded real PVE responses from {@code testdata/pve-api/fixtures} of this repository (found through {@code mpc.testdata.dir}) and shape comparison. */
final class Fixtures {
    private Fixtures() {
    }

    static JsonNode load(String name) {
        String dir = System.getProperty("mpc.testdata.dir");
        assertThat(dir).as("system property mpc.testdata.dir (set by surefire)").isNotNull();
        Path p = Path.of(dir, "pve-api", "fixtures", name + ".json");
        try {
            return PveHttp.JSON.readTree(Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the recorded response body of a single-interaction fixture. */
    static JsonNode body(String name) {
        return load(name).get("response").get("body");
    }

    /** @return the JSON kind the wire uses: number, string, boolean, object, array, null. */
    static String kind(JsonNode n) {
        if (n.isNumber()) {
            return "number";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Asserts that {@code actual} has every key of {@code recorded} (except {@code optional}) with the same JSON
     * kind, recursively for objects.
     */
    static void assertSameShape(String where, JsonNode recorded, JsonNode actual, Set<String> optional) {
        List<String> problems = new ArrayList<>();
        compare(where, recorded, actual, optional, problems);
        assertThat(problems).as("shape differences against the recorded response").isEmpty();
    }

    private static void compare(String where, JsonNode rec, JsonNode act, Set<String> optional, List<String> problems) {
        if (act == null) {
            problems.add(where + ": missing");
            return;
        }
        if (!kind(rec).equals(kind(act))) {
            problems.add(where + ": recorded " + kind(rec) + " but got " + kind(act) + " (" + act + ")");
            return;
        }
        if (rec.isObject()) {
            for (Iterator<String> it = rec.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!optional.contains(k)) {
                    compare(where + "." + k, rec.get(k), act.get(k), optional, problems);
                }
            }
        }
    }
}
