package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tab candidates from local state only (no network): flags; after a flag its values (nodes, storages, templates,
 * pools, tags, bridges); in the guest position the names and VMIDs of desired guests of the command's kind.
 */
final class Completion {
    private Completion() {}

    static List<String> candidates(KernelContext ctx, List<String> words, Set<String> valueFlags, Set<String> booleanFlags,
                                   GuestKind kind) {
        try {
            String partial = words.isEmpty() ? "" : words.get(words.size() - 1);
            String prev = words.size() >= 2 ? words.get(words.size() - 2) : "";
            if (valueFlags.contains(prev)) {
                return values(ctx, prev);
            }
            int eq = partial.indexOf('=');
            if (partial.startsWith("--") && eq > 0 && valueFlags.contains(partial.substring(0, eq))) {
                String flag = partial.substring(0, eq);
                return values(ctx, flag).stream().map(v -> flag + "=" + v).toList();
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

    private static List<String> values(KernelContext ctx, String flag) {
        Known known = Known.load(ctx.state());
        return switch (flag) {
            case "--node", "--to-node" -> known.nodeNames();
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
            case "--net" -> {
                TreeSet<String> out = new TreeSet<>();
                known.allNetworks().stream().filter(n -> n.bridge() || n.type().equals("OVSBridge"))
                        .forEach(n -> out.add("bridge=" + n.iface()));
                yield List.copyOf(out);
            }
            case "--type" -> List.of("dir", "lvmthin", "nfs");
            case "--status" -> List.of("running", "stopped", "template");
            default -> List.of();
        };
    }
}
