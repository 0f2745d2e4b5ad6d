package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.vm.VmSettings;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code scale vm|container <id|name> [--cores C] [--memory MiB] [--sockets S]}: resizes CPU and memory in the desired state. */
abstract class ScaleGuestCommand extends ResourceCommand {
    private final GuestKind kind;
    private final String word;

    ScaleGuestCommand(GuestKind kind) {
        this.kind = kind;
        this.word = kind == GuestKind.VM ? "vm" : "container";
    }

    @Override
    public String name() {
        return "scale " + word;
    }

    @Override
    public String summary() {
        return "Change the CPU cores and memory of a " + word + " in the desired state";
    }

    @Override
    public String usage() {
        return "scale " + word + " <vmid|name> [--cores C] [--memory MiB|8G]" + (kind == GuestKind.VM ? " [--sockets S]" : "");
    }

    @Override
    public List<String> examples() {
        return List.of("scale " + word + " web-01 --cores 8 --memory 16G");
    }

    @Override
    Set<String> valueFlags() {
        return kind == GuestKind.VM ? Set.of("--cores", "--memory", "--sockets") : Set.of("--cores", "--memory");
    }

    @Override
    Set<String> booleanFlags() {
        return Set.of("--json");
    }

    @Override
    GuestKind positionalKind() {
        return kind;
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        Args a = parse(args);
        String target = a.positional(0, "the " + word + " (VMID or name); usage: " + usage());
        if (!a.has("--cores") && !a.has("--memory") && !a.has("--sockets")) {
            throw new UsageException("nothing to scale: give --cores and/or --memory");
        }
        int maxCores = kind == GuestKind.VM ? 1024 : 8192;
        Integer cores = a.value("--cores").map(v -> Values.intIn("--cores", v, 1, maxCores)).orElse(null);
        Integer memory = a.value("--memory").map(v -> Values.memoryMiB("--memory", v)).orElse(null);
        Integer sockets = a.value("--sockets").map(v -> Values.intIn("--sockets", v, 1, 16)).orElse(null);
        Known known = known(ctx);
        Guest before = known.desiredGuest(kind, target);
        Map<String, String> cfg = new TreeMap<>(before.config());
        if (cores != null) {
            cfg.put("cores", cores.toString());
        }
        if (sockets != null) {
            cfg.put("sockets", sockets.toString());
        }
        if (memory != null) {
            cfg.put("memory", memory.toString());
            String balloon = cfg.getOrDefault("balloon", "");
            if (!balloon.isEmpty() && !balloon.equals("0") && Long.parseLong(balloon) > memory) {
                throw new UsageException("--memory " + memory + " MiB is below the balloon minimum " + balloon
                        + " MiB; lower it first: update vm " + before.vmid() + " --balloon N");
            }
        }
        int cpus = known.node(before.node()).map(Node::maxCpu).orElse(0);
        if (kind == GuestKind.VM) {
            new VmSettings(new StateChecks(known), ctx.workspace(), before.node()).checkCpus(cfg, cpus);
        } else if (cores != null && cpus > 0 && cores > cpus) {
            throw new UsageException("--cores " + cores + " exceeds the " + cpus + " CPUs of node " + before.node());
        }
        return Changes.store(ctx, a, "scale", before, before.withConfig(cfg), known);
    }
}
