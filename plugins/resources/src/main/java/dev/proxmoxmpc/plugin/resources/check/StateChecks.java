package dev.proxmoxmpc.plugin.resources.check;

import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a value against what the project knows (nodes, storages, bridges, pools, guest names): one
 * {@link CommandException} line naming what exists instead.
 */
public final class StateChecks {
    private final Known known;

    public StateChecks(Known known) {
        this.known = known;
    }

    /** @return the node, when it is known. */
    public String node(String option, String node) {
        List<String> nodes = known.nodeNames();
        if (nodes.isEmpty()) {
            throw new CommandException("no nodes known yet: run /sync first (or /init), then retry");
        }
        if (!nodes.contains(node)) {
            throw new CommandException("unknown node '" + node + "' (" + option + "); known nodes: " + String.join(", ", nodes)
                    + hint(node, nodes));
        }
        return node;
    }

    /** @return the default node: {@code --node}, the environment's node, or the only/first known node. */
    public String defaultNode(Optional<String> given, String configured) {
        if (given.isPresent()) {
            return node("--node", given.get());
        }
        if (!configured.isEmpty() && known.nodeNames().contains(configured)) {
            return configured;
        }
        List<String> nodes = known.nodeNames();
        if (nodes.isEmpty()) {
            throw new CommandException("no nodes known yet: run /sync first (or /init), then retry");
        }
        return nodes.get(0);
    }

    /**
     * @param content the content the storage must hold ({@code images}, {@code rootdir}, {@code iso}, {@code vztmpl})
     * @return the storage, when it is known, holds {@code content} and is available on {@code node}
     */
    public Storage storage(String option, String id, String content, String node) {
        Map<String, Storage> all = known.storages();
        Storage s = all.get(id);
        if (s == null) {
            throw new CommandException("unknown storage '" + id + "' (" + option + "); known: "
                    + (all.isEmpty() ? "none (run /sync)" : String.join(", ", all.keySet())) + hint(id, all.keySet()));
        }
        if (!s.content().isEmpty() && !s.content().contains(content)) {
            throw new CommandException("storage '" + id + "' does not hold " + content + " (its content: "
                    + String.join(",", s.content()) + "); pick another with " + option);
        }
        if (!node.isEmpty() && !s.availableOn(node)) {
            throw new CommandException("storage '" + id + "' is not available on node " + node + " (only on "
                    + String.join(", ", s.nodes()) + ")");
        }
        return s;
    }

    /** @return the first storage that holds {@code content} on {@code node}, preferring {@code local-lvm}. */
    public String defaultStorage(String content, String node, String option) {
        List<Storage> fit = known.storages().values().stream()
                .filter(s -> s.content().contains(content) && s.availableOn(node)).toList();
        return fit.stream().filter(s -> s.id().equals("local-lvm")).findFirst().or(() -> fit.stream().findFirst())
                .map(Storage::id)
                .orElseThrow(() -> new CommandException("no storage for " + content + " known on node " + node + "; name one with " + option));
    }

    /** @return the bridge, when it exists on the node. */
    public String bridge(String option, String bridge, String node) {
        List<String> bridges = known.bridges(node);
        if (!bridges.contains(bridge)) {
            throw new CommandException("bridge '" + bridge + "' does not exist on node " + node + " (" + option + ")"
                    + (bridges.isEmpty() ? "; no bridges known there (run /sync or create network --name " + bridge + ")"
                    : "; known: " + String.join(", ", bridges)));
        }
        return bridge;
    }

    /** @return {@code vmbr0} when it exists on the node, else its first bridge. */
    public String defaultBridge(String node) {
        List<String> bridges = known.bridges(node);
        if (bridges.isEmpty()) {
            throw new CommandException("no bridge known on node " + node + "; run /sync or pass --net bridge=NAME");
        }
        return bridges.contains("vmbr0") ? "vmbr0" : bridges.get(0);
    }

    /** @return the pool, when it is known. */
    public String pool(String option, String pool) {
        List<String> pools = known.poolIds();
        if (!pools.contains(pool)) {
            throw new CommandException("unknown pool '" + pool + "' (" + option + ")"
                    + (pools.isEmpty() ? "; no pools are known" : "; known: " + String.join(", ", pools)) + hint(pool, pools));
        }
        return pool;
    }

    /** Refuses a name another desired guest already has ({@code except} is the guest being changed, or -1). */
    public void uniqueName(String name, int except) {
        for (Guest g : known.desired().guests()) {
            if (g.name().equals(name) && g.vmid() != except) {
                throw new CommandException("a guest named '" + name + "' already exists ("
                        + (g.kind() == dev.proxmoxmpc.spi.model.GuestKind.VM ? "vm " : "container ") + g.vmid() + "); choose another name");
            }
        }
    }

    /** @return the template a {@code --template} value (name or VMID) names. */
    public Guest template(String value) {
        List<Guest> templates = known.templates();
        for (Guest t : templates) {
            if (Integer.toString(t.vmid()).equals(value)) {
                return t;
            }
        }
        List<Guest> named = templates.stream().filter(t -> t.name().equals(value)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new CommandException("several templates are named '" + value + "'; use the VMID");
        }
        List<String> names = templates.stream().map(Guest::name).toList();
        throw new CommandException("unknown template '" + value + "'; known templates: "
                + (templates.isEmpty() ? "none" : String.join(", ", templates.stream().map(t -> t.name() + " (" + t.vmid() + ")").toList()))
                + hint(value, names));
    }

    /** @return {@code " (did you mean X?)"} when a candidate is close to {@code word}, else {@code ""}. */
    static String hint(String word, java.util.Collection<String> candidates) {
        return Suggest.closest(word, candidates).map(s -> " (did you mean " + s + "?)").orElse("");
    }
}
