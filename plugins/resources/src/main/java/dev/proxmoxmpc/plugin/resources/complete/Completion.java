package dev.proxmoxmpc.plugin.resources.complete;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CompletionRequest;
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
 * Tab candidates from local state (no network), named in the options' {@code completionCandidates}: an option's values (nodes, storages, templates, pools,
 * tags, bridges and ports of the {@code --node} given, content types, features); in the guest position the names and
 * VMIDs of desired guests of the command's kind. List values ({@code --nodes pve1,pve2}) complete after the last
 * comma. The one exception: {@code --iso} and {@code --ostemplate} list the files on the node's storages through the
 * provider's cache, waiting a bounded time ({@link VolumeCompletion}).
 */
public final class Completion {
    private static final List<String> CONTENT = List.of("backup", "images", "iso", "rootdir", "snippets", "vztmpl");
    private static final List<String> CPU_TYPES = List.of("host", "kvm64", "qemu64", "x86-64-v2-AES", "x86-64-v3");
    private static final List<String> FEATURES = List.of("fuse=1", "keyctl=1", "mknod=1", "nesting=1");
    /** Flags whose value is a comma-separated list. */
    private static final Set<String> LISTS = Set.of("--nodes", "--content", "--features", "--ports", "--tags");

    private Completion() {}

    /** Values of an option, by its name, from local state. */
    public static final class Values implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return values(ctx, request, request.target(), request.partial(), kind(request.command()));
        }
    }

    /** The guests of the command's kind (names and VMIDs), for its {@code <vmid|name>}. */
    public static final class Guests implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            GuestKind kind = kind(request.command());
            return kind == null ? List.of() : guests(Known.load(ctx.state()), kind);
        }
    }

    /** @return the guest kind a command's name says ({@code update vm}, {@code delete container}), or null. */
    public static GuestKind kind(String command) {
        List<String> words = List.of(command.split(" "));
        if (words.contains("vm") || words.contains("vms")) {
            return GuestKind.VM;
        }
        if (words.contains("container") || words.contains("containers") || words.contains("ct")) {
            return GuestKind.CONTAINER;
        }
        return null;
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
    private static List<String> values(KernelContext ctx, CompletionRequest request, String flag, String typed, GuestKind kind) {
        List<String> values = known(ctx, request, flag, kind);
        if (!LISTS.contains(flag)) {
            return values;
        }
        int comma = typed.lastIndexOf(',');
        String head = typed.substring(0, comma + 1);
        Set<String> taken = new TreeSet<>(List.of(head.split(",")));
        return values.stream().filter(v -> !taken.contains(v)).map(v -> head + v).toList();
    }

    /** @return what local state knows for {@code flag}; bridges and ports of the {@code --node} given or the guest's node. */
    private static List<String> known(KernelContext ctx, CompletionRequest request, String flag, GuestKind kind) {
        Known known = Known.load(ctx.state());
        Optional<String> guestNode = kind == null ? Optional.empty()
                : request.positional(0).flatMap(who -> guestNode(known, kind, who));
        Optional<String> node = request.option("--node").or(() -> guestNode);
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
}
