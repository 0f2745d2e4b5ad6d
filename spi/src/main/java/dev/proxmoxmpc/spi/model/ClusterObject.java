package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Any cluster configuration object beyond guests, storages, networks and pools: backup and replication jobs, HA
 * resources, rules and groups, firewall options, rules, aliases, IP sets and security groups, SDN zones, vnets and
 * subnets, users, groups, roles, ACL entries and API tokens. Kept as PVE returns it: a kind, where it lives, its id,
 * and its keys as strings. docs/objects.md lists every kind with its scope, id and keys.
 *
 * @param kind   the kind ({@code backup-job}, {@code ha-rule}, {@code firewall-rules}, {@code sdn-zone}, {@code user}, ...)
 * @param scope  where it lives: {@code ""} cluster-wide, {@code node/<node>}, {@code vm/<vmid>}, {@code ct/<vmid>}
 * @param id     its id within kind and scope ({@code ""} for a scope's single object, such as its firewall options)
 * @param config every other key, values as strings, sorted; list-like content flattened as {@code rule.0.action}
 */
@API(status = EXPERIMENTAL, since = "1.1")
public record ClusterObject(String kind, String scope, String id, Map<String, String> config) {
    /** Kinds the server reports but nobody plans: facts such as the PVE version and quorum. */
    public static final Set<String> READ_ONLY_KINDS = Set.of("cluster-status");

    public ClusterObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        if (kind.isEmpty() || kind.contains("/")) {
            throw new IllegalArgumentException("an object kind is a non-empty word without '/': " + kind);
        }
        config = Collections.unmodifiableMap(new TreeMap<>(config));
    }

    public String value(String key) {
        return config.getOrDefault(key, "");
    }

    /** @return whether plans leave it alone ({@link #READ_ONLY_KINDS}) */
    public boolean readOnly() {
        return READ_ONLY_KINDS.contains(kind);
    }

    /** @return the identity within an inventory: kind, scope and id */
    public String key() {
        return kind + "|" + scope + "|" + id;
    }

    /** @return the reference changes to it carry */
    public ResourceRef ref() {
        return ResourceRef.object(kind, scope, id);
    }

    /** @return {@code backup-job/daily}, {@code firewall-rules/vm/101}: as {@link ResourceRef#toString()} */
    public String label() {
        return ref().toString();
    }

    /** @return a copy with this config */
    public ClusterObject withConfig(Map<String, String> newConfig) {
        return new ClusterObject(kind, scope, id, newConfig);
    }
}
