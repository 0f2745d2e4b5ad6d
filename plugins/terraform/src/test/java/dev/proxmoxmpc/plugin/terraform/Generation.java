package dev.proxmoxmpc.plugin.terraform;

import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs the generator the way the kernel does and writes its files. */
final class Generation {
    private Generation() {}

    static GenerationResult generate(Inventory inventory) {
        return generate(inventory, Map.of());
    }

    static GenerationResult generate(Inventory inventory, Map<String, Object> options) {
        return new TerraformGenerator().generate(new GenerationRequest(inventory, "default", "https://pve1.demo.lan:8006/",
                options, new ClasspathTemplates()));
    }

    static Map<String, String> byPath(GenerationResult r) {
        Map<String, String> out = new TreeMap<>();
        r.files().forEach(f -> out.put(f.path(), f.content()));
        return out;
    }

    /** Writes the files under {@code root}; @return the .tf files written, sorted. */
    static List<Path> write(GenerationResult r, Path root) throws IOException {
        List<Path> tf = new ArrayList<>();
        for (GeneratedFile f : r.files()) {
            Path p = root.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content(), StandardCharsets.UTF_8);
            if (f.path().endsWith(".tf")) {
                tf.add(p);
            }
        }
        tf.sort(null);
        return tf;
    }
}
