package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Tab candidates from local state (no network): flags; after a flag its values (nodes, storages, templates, pools,
 * tags, bridges and ports of the {@code --node} given, content types, features); in the guest position the names and
 * VMIDs of desired guests of the command's kind. List values ({@code --nodes pve1,pve2}) complete after the last
 * comma. The one exception: {@code --iso} and {@code --ostemplate} list the files on the node's storages through the
 * provider's cache, waiting a bounded time ({@link VolumeCompletion}).
 */
final class Completion {
    private static final List<String> CONTENT = List.of("backup", "images", "iso", "rootdir", "snippets", "vztmpl");
    private static final List<String> CPU_TYPES = List.of("host", "kvm64", "qemu64", "x86-64-v2-AES", "x86-64-v3");
    private static final List<String> FEATURES = List.of("fuse=1", "keyctl=1", "mknod=1", "nesting=1");
    /** Flags whose value is a comma-separated list. */
    private static final Set<String> LISTS = Set.of("--nodes", "--content", "--features", "--ports", "--tags");

    private Completion() {}

    static List<String> candidates(KernelContext ctx, List<String> words, Set<String> valueFlags, Set<String> booleanFlags,
                                   GuestKind kind) {
        try {
            String partial = words.isEmpty() ? "" : words.get(words.size() - 1);
            String prev = words.size() >= 2 ? words.get(words.size() - 2) : "";
            if (valueFlags.contains(prev)) {
                return values(ctx, words, prev, partial, kind);
            }
            int eq = partial.indexOf('=');
            if (partial.startsWith("--") && eq > 0 && valueFlags.contains(partial.substring(0, eq))) {
                String flag = partial.substring(0, eq);
                return values(ctx, words, flag, partial.substring(eq + 1), kind).stream().map(v -> flag + "=" + v).toList();
            }
            boolean hasPositional = false;
            for (int i = 0; i < words.size() - 1; i++) {
                String w = words.get(i);
                boolean afterValueFlag = i > 0 && valueFlags.contains(words.get(i - 1));
                if (!w.startsWith("--") && !afterValueFlag) {
                    hasPositional = true;
                }
            }
            if (kind != null && !hasPositional && !partial.startsWith("-")) {
                return guests(Known.load(ctx.state()), kind);
            }
            TreeSet<String> flags = new TreeSet<>(valueFlags);
            flags.addAll(booleanFlags);
            return List.copyOf(flags);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> guests(Known known, GuestKind kind) {
        List<String> out = new ArrayList<>();
        for (Guest g : known.desired().guests()) {
            if (g.kind() == kind) {
                if (!g.name().isEmpty()) {
                    out.add(g.name());
                }
                out.add(Integer.toString(g.vmid()));
            }
        }
        return out;
    }

    /** @return the values of {@code flag}; for a list flag, {@code typed} up to its last comma followed by each value not yet in it */
    private static List<String> values(KernelContext ctx, List<String> words, String flag, String typed, GuestKind kind) {
        List<String> values = known(ctx, words, flag, kind);
        if (!LISTS.contains(flag)) {
            return values;
        }
        int comma = typed.lastIndexOf(',');
        String head = typed.substring(0, comma + 1);
        Set<String> taken = new TreeSet<>(List.of(head.split(",")));
        return values.stream().filter(v -> !taken.contains(v)).map(v -> head + v).toList();
    }

    /** @return what local state knows for {@code flag}; bridges and ports of the {@code --node} given or the guest's node. */
    private static List<String> known(KernelContext ctx, List<String> words, String flag, GuestKind kind) {
        Known known = Known.load(ctx.state());
        Optional<String> guestNode = kind == null || words.isEmpty() ? Optional.empty() : guestNode(known, kind, words.get(0));
        Optional<String> node = value(words, "--node").or(() -> guestNode);
        return switch (flag) {
            case "--node", "--nodes" -> known.nodeNames();
            case "--to-node" -> known.nodeNames().stream().filter(n -> guestNode.map(g -> !g.equals(n)).orElse(true)).toList();
            case "--storage" -> List.copyOf(new TreeSet<>(known.storages().keySet()));
            case "--template" -> {
                List<String> out = new ArrayList<>();
                known.templates().forEach(t -> {
                    out.add(t.name());
                    out.add(Integer.toString(t.vmid()));
                });
                yield out;
            }
            case "--pool" -> known.poolIds();
            case "--tag", "--tags" -> {
                TreeSet<String> tags = new TreeSet<>();
                known.desired().guests().forEach(g -> tags.addAll(g.tags()));
                yield List.copyOf(tags);
            }
            case "--net" -> interfaces(known, node, n -> n.bridge() || n.type().equals("OVSBridge")).stream()
                    .map(i -> "bridge=" + i).toList();
            case "--ports" -> interfaces(known, node, n -> n.type().equals("eth") || n.type().equals("bond"));
            case "--type" -> List.of("dir", "lvmthin", "nfs");
            case "--status" -> List.of("running", "stopped", "template", "new");
            case "--content" -> CONTENT;
            case "--cpu" -> CPU_TYPES;
            case "--features" -> FEATURES;
            case "--ip" -> List.of("dhcp");
            case "--iso" -> VolumeCompletion.candidates(ctx, known, volumeNode(ctx, known, node), "iso");
            case "--ostemplate" -> VolumeCompletion.candidates(ctx, known, volumeNode(ctx, known, node), "vztmpl");
            default -> List.of();
        };
    }

    /** @return the sorted names of the interfaces (of {@code node}, when given) that {@code kind} accepts. */
    private static List<String> interfaces(Known known, Optional<String> node, Predicate<Network> kind) {
        TreeSet<String> out = new TreeSet<>();
        known.allNetworks().stream().filter(kind).filter(n -> node.map(n.node()::equals).orElse(true))
                .forEach(n -> out.add(n.iface()));
        return List.copyOf(out);
    }

    /**
     * @return the node a new or updated guest's files must be on: {@code node} (the {@code --node} given or the guest's),
     *     else the environment's default or first node
     * @throws RuntimeException for an unknown node (completion then offers nothing)
     */
    private static String volumeNode(KernelContext ctx, Known known, Optional<String> node) {
        return new StateChecks(known).defaultNode(node, ctx.config().environment().node());
    }

    private static Optional<String> guestNode(Known known, GuestKind kind, String idOrName) {
        try {
            return Optional.of(known.desiredGuest(kind, idOrName).node());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the value of the last {@code flag} before the word being typed ({@code --node pve2}, {@code --node=pve2}). */
    private static Optional<String> value(List<String> words, String flag) {
        Optional<String> out = Optional.empty();
        for (int i = 0; i < words.size() - 1; i++) {
            String w = words.get(i);
            if (w.equals(flag) && i + 1 < words.size() - 1) {
                out = Optional.of(words.get(i + 1));
            } else if (w.startsWith(flag + "=")) {
                out = Optional.of(w.substring(flag.length() + 1));
            }
        }
        return out;
    }
}
