package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@link ProviderSession#probe()} learns.
 *
 * @param version     the server version ({@code 9.2.4})
 * @param cluster     the cluster name, or {@code ""}
 * @param nodes       the node names
 * @param identity    who we are: {@code root@pam!mpc} or {@code alice@pve}
 * @param privileges  path to the privileges held there ({@code "/" -> [VM.Audit, Sys.Audit]})
 */
@API(status = STABLE, since = "1.0")
public record ServerInfo(String version, String cluster, List<String> nodes, String identity,
                         Map<String, List<String>> privileges) {
    public ServerInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cluster, "cluster");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(identity, "identity");
        privileges = Map.copyOf(privileges);
    }

    /** @return whether {@code privilege} is held on {@code path} or on {@code /}. */
    public boolean has(String path, String privilege) {
        return privileges.getOrDefault(path, List.of()).contains(privilege)
                || privileges.getOrDefault("/", List.of()).contains(privilege);
    }
}
