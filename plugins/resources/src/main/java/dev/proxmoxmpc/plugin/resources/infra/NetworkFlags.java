package dev.proxmoxmpc.plugin.resources.infra;

import dev.proxmoxmpc.plugin.resources.complete.Completion;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of {@code create network}; {@link NetworkSpec} reads them. */
public final class NetworkFlags {
    @Option(names = "--name", paramLabel = "vmbr1|eth1.20", description = "the interface")
    String name;
    @Option(names = "--node", paramLabel = "N", completionCandidates = Completion.Values.class, description = "the node")
    String node;
    @Option(names = "--ports", paramLabel = "eth1", completionCandidates = Completion.Values.class, description = "bridge ports")
    String ports;
    @Option(names = "--vlan", paramLabel = "ID", description = "VLAN tag")
    String vlan;
    @Option(names = "--cidr", paramLabel = "10.0.1.1/24", description = "address")
    String cidr;
    @Option(names = "--gateway", paramLabel = "IP", description = "gateway")
    String gateway;
    @Option(names = "--vlan-aware", description = "VLAN-aware bridge")
    boolean vlanAware;
    @Option(names = "--comments", paramLabel = "TEXT", description = "comments")
    String comments;

    /** @return the {@code --node} given */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }
}
