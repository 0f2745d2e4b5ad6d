package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.state.StateKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Tab candidates of the sync commands' values, from local state only (never the server): guests, snapshot ids,
 * nodes, storages, directories. Each class is named in an option's or positional's {@code completionCandidates}.
 */
final class Completions {
    private Completions() {}

    /** Guest names and VMIDs, desired and observed. */
    static final class Guests implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return GuestNames.candidates(ctx);
        }
    }

    /** The VMIDs the state knows. */
    static final class Vmids implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return GuestNames.vmids(ctx);
        }
    }

    /** The state snapshots' ids. */
    static final class SnapshotIds implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return GuestNames.snapshotIds(ctx);
        }
    }

    /** The node names the last /sync saw. */
    static final class Nodes implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return nodes(ctx);
        }
    }

    /** The storage ids, desired and observed. */
    static final class Storages implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return storages(ctx);
        }
    }

    /** The sub-directories of the typed path's folder. */
    static final class Directories implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return directories(ctx.workspace().root(), request.partial());
        }
    }

    /** @return the node names the last /sync saw. */
    static List<String> nodes(KernelContext ctx) {
        return observed(ctx).nodes().stream().map(Node::name).sorted().toList();
    }

    /** @return the storage ids, desired and observed. */
    static List<String> storages(KernelContext ctx) {
        TreeSet<String> out = new TreeSet<>();
        observed(ctx).storages().stream().map(Storage::id).forEach(out::add);
        ctx.state().load(StateKind.DESIRED).storages().stream().map(Storage::id).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * @param root    the directory paths are relative to
     * @param partial what was typed ({@code terraform/v})
     * @return the sub-directories of the typed path's folder, as typed-relative paths ending in {@code /}; hidden ones left out
     */
    static List<String> directories(Path root, String partial) {
        String base = partial.substring(0, partial.lastIndexOf('/') + 1);
        Path dir = root.resolve(base.isEmpty() ? "." : base);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().map(n -> base + n + "/").toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Inventory observed(KernelContext ctx) {
        return ctx.state().load(StateKind.OBSERVED);
    }
}
