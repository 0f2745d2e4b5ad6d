package dev.proxmoxmpc.spi.kernel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * How one project's names translate onto an environment's cluster ({@code environment map production --node
 * pve1=prod1}): applied to the desired state whenever a plan is made for that environment.
 *
 * @param nodes       node names, from the desired state's to the cluster's
 * @param storages    storage ids
 * @param bridges     bridge names (NICs' {@code bridge=} and the bridges themselves)
 * @param subnets     IPv4 networks in CIDR form ({@code 10.0.0.0/24=10.20.0.0/24}): static addresses and gateways
 *                    move with the same host part
 * @param ostemplates container templates by the container's {@code ostype}, name or VMID
 *                    ({@code debian=local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst})
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record EnvironmentMapping(Map<String, String> nodes, Map<String, String> storages, Map<String, String> bridges,
                                 Map<String, String> subnets, Map<String, String> ostemplates) {
    /** No translation. */
    public static final EnvironmentMapping NONE = new EnvironmentMapping(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public EnvironmentMapping {
        nodes = sorted(nodes);
        storages = sorted(storages);
        bridges = sorted(bridges);
        subnets = sorted(subnets);
        ostemplates = sorted(ostemplates);
    }

    /** @return whether nothing is mapped */
    public boolean isEmpty() {
        return nodes.isEmpty() && storages.isEmpty() && bridges.isEmpty() && subnets.isEmpty() && ostemplates.isEmpty();
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        Objects.requireNonNull(m, "mapping");
        return Map.copyOf(new TreeMap<>(m));
    }
}
