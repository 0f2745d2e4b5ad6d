package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code environment map NAME [--node FROM=TO]... [--storage FROM=TO]... [--bridge FROM=TO]... [--subnet
 * FROM_CIDR=TO_CIDR]... [--ostemplate FROM=TO]... [--clear]}: how the desired state's names read on that cluster.
 */
@Command(name = "environment map", aliases = "env map",
        description = "Map the desired state's nodes, storages, bridges, subnets and templates onto an environment",
        footer = {"environment map production --node pve1=prod1 --bridge vmbr1=vmbr0",
            "environment map production --subnet 10.0.0.0/24=10.20.0.0/24", "environment map production"})
public final class EnvironmentMapCommand implements ConsoleCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = EnvironmentNames.Known.class,
            description = "the environment whose mapping to change or show")
    private String name;
    @Option(names = "--node", paramLabel = "FROM=TO", description = "a node of the desired state and the one it becomes (repeatable)")
    private List<String> nodes = new ArrayList<>();
    @Option(names = "--storage", paramLabel = "FROM=TO", description = "a storage and the one it becomes (repeatable)")
    private List<String> storages = new ArrayList<>();
    @Option(names = "--bridge", paramLabel = "FROM=TO", description = "a bridge and the one it becomes (repeatable)")
    private List<String> bridges = new ArrayList<>();
    @Option(names = "--subnet", paramLabel = "FROM_CIDR=TO_CIDR",
            description = "a subnet and the one it becomes; addresses keep their host part (repeatable)")
    private List<String> subnets = new ArrayList<>();
    @Option(names = "--ostemplate", paramLabel = "FROM=TO",
            description = "a container template (or ostype) and the template it becomes (repeatable)")
    private List<String> ostemplates = new ArrayList<>();
    @Option(names = "--clear", description = "replace the mapping instead of adding to it")
    private boolean clear;

    @Override
    public boolean requiresProject() {
        return true;
    }

    /** @return the options, checked (pure) */
    EnvironmentMapOptions options() {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        raw.put("node", nodes);
        raw.put("storage", storages);
        raw.put("bridge", bridges);
        raw.put("subnet", subnets);
        raw.put("ostemplate", ostemplates);
        return EnvironmentMapOptions.of(name, raw, clear);
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        return EnvironmentMaps.map(ctx, new ConfigStore(ctx.workspace()), options());
    }
}
