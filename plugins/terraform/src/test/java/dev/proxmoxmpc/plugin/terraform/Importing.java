package dev.proxmoxmpc.plugin.terraform;

import dev.proxmoxmpc.spi.iac.ImportRequest;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs the importer over a project directory the way /sync does (only the files it handles). */
final class Importing {
    private Importing() {}

    static ImportResult read(Path root, Inventory base) throws IOException {
        TerraformImporter importer = new TerraformImporter();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> importer.handles(root.relativize(p).toString().replace('\\', '/'))).sorted().toList();
        }
        return importer.read(new ImportRequest(root, files, base));
    }
}
