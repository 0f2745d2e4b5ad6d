package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.ImportRequest;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.iac.Importer;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the {@link Importer} extensions over files, each importer on the files it handles, laid over a base. */
final class Imports {
    private Imports() {}

    /**
     * @param desired     the resulting desired inventory
     * @param imported    the paths some importer read ({@code terraform: terraform/vms/web.tf})
     * @param unhandled   the paths no importer reads
     * @param diagnostics what could not be mapped, {@code file:line: summary}
     */
    record Outcome(Inventory desired, List<String> imported, List<String> unhandled, List<Diagnostic> diagnostics) {}

    /**
     * @param root  the directory the paths are relative to
     * @param paths relative, {@code /}-separated
     * @param base  the desired state to lay the files over
     */
    static Outcome run(KernelContext ctx, Path root, List<String> paths, Inventory base) {
        Inventory desired = base;
        List<String> imported = new ArrayList<>();
        List<String> unhandled = new ArrayList<>(paths);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Importer importer : ctx.extensions(Importer.class)) {
            List<String> mine = paths.stream().filter(importer::handles).toList();
            if (mine.isEmpty()) {
                continue;
            }
            List<Path> files = mine.stream().map(p -> root.resolve(p).normalize()).toList();
            try {
                ImportResult r = importer.read(new ImportRequest(root, files, desired));
                desired = r.desired();
                diagnostics.addAll(r.diagnostics());
                mine.forEach(p -> imported.add(importer.id() + ": " + p));
                unhandled.removeAll(mine);
            } catch (RuntimeException e) {
                diagnostics.add(Diagnostic.error("importer " + importer.id() + " failed: " + e.getMessage(), importer.id()));
            }
        }
        return new Outcome(desired, imported, unhandled, diagnostics);
    }
}
