package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.complete.Completion;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.vm.VmSettings;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Node;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scale vm|container <id|name> [--cores C] [--memory MiB] [--sockets S]}: resizes CPU and memory in the desired state. */
@AssistantTool(Safety.DESIRED_STATE)
abstract class ScaleGuestCommand extends ResourceCommand {
    @Parameters(paramLabel = "<vmid|name>", completionCandidates = Completion.Guests.class, description = "the guest")
    String target;
    @Option(names = "--cores", paramLabel = "C", description = "CPU cores")
    String cores;
    @Option(names = "--memory", paramLabel = "MiB|8G", description = "memory")
    String memory;
    @Option(names = "--sockets", paramLabel = "S", description = "CPU sockets (VMs only)")
    String sockets;
    private final GuestKind kind;
    private final String word;

    ScaleGuestCommand(GuestKind kind) {
        this.kind = kind;
        this.word = kind == GuestKind.VM ? "vm" : "container";
    }

    @Override
    public Optional<CommandSpec> declaration() {
        CommandSpec spec = twin(this, "scale " + word, List.of(),
                "Change the CPU cores and memory of a " + word + " in the desired state",
                "scale " + word + " web-01 --cores 8 --memory 16G");
        if (kind != GuestKind.VM) {
            spec.remove(spec.findOption("--sockets"));
        }
        return Optional.of(spec);
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        if (cores == null && memory == null && sockets == null) {
            throw new UsageException("nothing to scale: give --cores and/or --memory");
        }
        int maxCores = kind == GuestKind.VM ? 1024 : 8192;
        Integer cores = this.cores == null ? null : Values.intIn("--cores", this.cores, 1, maxCores);
        Integer memory = this.memory == null ? null : Values.memoryMiB("--memory", this.memory);
        Integer sockets = this.sockets == null ? null : Values.intIn("--sockets", this.sockets, 1, 16);
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
        return Changes.store(ctx, "scale", before, before.withConfig(cfg), known);
    }
}
