package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.ImportRequest;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.iac.Importer;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

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
     * For /sync: project-relative paths of edited generated files.
     *
     * @param root  the directory the paths are relative to
     * @param paths relative, {@code /}-separated
     * @param base  the desired state to lay the files over
     */
    static Outcome run(KernelContext ctx, Path root, List<String> paths, Inventory base) {
        return run(ctx, root, paths, (importer, path) -> importer.handles(path), base);
    }

    /**
     * For /import DIR: a file is offered to an importer under its path relative to DIR's parent
     * ({@code terraform/main.tf}) or under the importer's own directory ({@code <id>/main.tf}), so a directory of
     * HCL imports whatever it is called.
     *
     * @param dir   the directory given
     * @param paths paths relative to {@code dir}, {@code /}-separated
     */
    static Outcome runDir(KernelContext ctx, Path dir, List<String> paths, Inventory base) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString() + "/";
        Path root = dir.getParent() == null ? dir : dir.getParent();
        List<String> rel = paths.stream().map(p -> name + p).toList();
        return run(ctx, root, rel, (importer, path) -> importer.handles(path)
                || importer.handles(importer.id() + "/" + path.substring(name.length())), base);
    }

    private static Outcome run(KernelContext ctx, Path root, List<String> paths, BiPredicate<Importer, String> handles,
                               Inventory base) {
        Inventory desired = base;
        List<String> imported = new ArrayList<>();
        List<String> unhandled = new ArrayList<>(paths);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Inventory observed = ctx.state().load(StateKind.OBSERVED);
        for (Importer importer : ctx.extensions(Importer.class)) {
            List<String> mine = paths.stream().filter(p -> handles.test(importer, p)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            List<Path> files = mine.stream().map(p -> root.resolve(p).normalize()).toList();
            try {
                ImportResult r = importer.read(new ImportRequest(root, files, desired, observed));
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
