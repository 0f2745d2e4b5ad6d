package dev.proxmoxmpc.plugin.sync.fake;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.ImportRequest;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.iac.Importer;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@link TextGenerator}'s files back: the file's lines become the guest's config. */
public final class TextImporter implements Importer {
    @Override
    public String id() {
        return "text";
    }

    @Override
    public boolean handles(String path) {
        return path.startsWith("text/") && path.endsWith(".txt");
    }

    @Override
    public ImportResult read(ImportRequest request) {
        Inventory out = request.base();
        List<Diagnostic> diags = new ArrayList<>();
        for (Path f : request.files()) {
            int vmid = Integer.parseInt(f.getFileName().toString().replace(".txt", ""));
            Guest g = out.guest(vmid).orElse(null);
            if (g == null) {
                diags.add(Diagnostic.warning("no such guest", f.getFileName() + ":1"));
                continue;
            }
            Map<String, String> config = new TreeMap<>();
            try {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        diags.add(Diagnostic.warning("not key=value", "text/" + f.getFileName() + ":" + (i + 1)));
                        continue;
                    }
                    config.put(line.substring(0, eq), line.substring(eq + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = out.withGuest(g.withConfig(config));
        }
        return new ImportResult(out, diags);
    }
}
