package dev.proxmoxmpc.plugin.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.proxmoxmpc.plugin.simulator.sdn.SdnSeed;
import java.util.List;
import java.util.Map;

/**
 * A scenario file (YAML): the cluster the simulator starts with. Sizes are written {@code 64G}, {@code 512M}; guest
 * configs are PVE config keys with string values, and disks may use the allocation syntax {@code local-lvm:32}.
 *
 * @param cluster    the cluster name
 * @param nodes      cluster members
 * @param storages   storage.cfg entries
 * @param pools      resource pools
 * @param volumes    extra volumes (ISO images, container templates) on a node's storage
 * @param templates  guest templates (qemu unless {@code type: lxc}); {@code template: 1} is implied
 * @param vms        QEMU virtual machines
 * @param containers LXC containers
 * @param backupJobs scheduled backup jobs ({@code /cluster/backup}): each a map of jobs.cfg keys ({@code id},
 *                   {@code schedule}, {@code storage}, {@code vmid} or {@code all} or {@code pool}, {@code exclude},
 *                   {@code mode}, {@code compress}, {@code enabled}, {@code comment}, {@code prune-backups}, ...)
 * @param haRules    HA rules ({@code /cluster/ha/rules}, PVE 9): each {@code rule}, {@code type} (node-affinity or
 *                   resource-affinity), {@code resources}, and {@code nodes}, {@code strict}, {@code affinity},
 *                   {@code disable}, {@code comment} as the type allows; checked as the API checks a create
 * @param replicationJobs storage replication jobs ({@code /cluster/replication}): each {@code id} ({@code 101-0}),
 *                   {@code target}, and {@code schedule}, {@code rate}, {@code comment}, {@code disable}; checked as
 *                   the API checks a create (the guest's disks must be on ZFS)
 * @param firewall   the firewall configuration (see the simulator's {@code FirewallSeed}): cluster options, aliases,
 *                   IP sets, security groups and rules, and {@code nodes}/{@code guests} options and rules
 * @param sdn        SDN zones, vnets and subnets, applied ({@link SdnSeed})
 * @param access     the access configuration (user.cfg): lists {@code groups} ({@code groupid}, {@code comment}),
 *                   {@code roles} ({@code roleid}, {@code privs}), {@code users} ({@code userid}, {@code groups},
 *                   {@code email}, {@code firstname}, ...), {@code tokens} ({@code id} user@realm!name, {@code comment},
 *                   {@code privsep}, {@code expire}) and {@code acl} ({@code path}, {@code type}, {@code ugid},
 *                   {@code roleid}, {@code propagate})
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Scenario(String cluster, List<NodeSpec> nodes, List<StorageSpec> storages, List<PoolSpec> pools,
                       List<VolumeSpec> volumes, List<GuestSpec> templates, List<GuestSpec> vms, List<GuestSpec> containers,
                       List<Map<String, Object>> backupJobs, List<Map<String, Object>> haRules,
                       List<Map<String, Object>> replicationJobs, Map<String, Object> firewall, SdnSeed sdn,
                       Map<String, List<Map<String, Object>>> access) {
    public Scenario {
        cluster = cluster == null ? "simulator" : cluster;
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        storages = storages == null ? List.of() : List.copyOf(storages);
        pools = pools == null ? List.of() : List.copyOf(pools);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        templates = templates == null ? List.of() : List.copyOf(templates);
        vms = vms == null ? List.of() : List.copyOf(vms);
        containers = containers == null ? List.of() : List.copyOf(containers);
        backupJobs = backupJobs == null ? List.of() : List.copyOf(backupJobs);
        haRules = haRules == null ? List.of() : List.copyOf(haRules);
        replicationJobs = replicationJobs == null ? List.of() : List.copyOf(replicationJobs);
        firewall = firewall == null ? Map.of() : firewall;
        sdn = sdn == null ? SdnSeed.NONE : sdn;
        access = access == null ? Map.of() : Map.copyOf(access);
    }

    /** A scenario without HA rules, replication jobs, firewall, SDN and access configuration (only root@pam and its token). */
    public Scenario(String cluster, List<NodeSpec> nodes, List<StorageSpec> storages, List<PoolSpec> pools,
                    List<VolumeSpec> volumes, List<GuestSpec> templates, List<GuestSpec> vms, List<GuestSpec> containers,
                    List<Map<String, Object>> backupJobs) {
        this(cluster, nodes, storages, pools, volumes, templates, vms, containers, backupJobs, List.of(), List.of(), Map.of(),
                null, Map.of());
    }

    /** @return the same scenario on other nodes */
    public Scenario withNodes(List<NodeSpec> other) {
        return new Scenario(cluster, other, storages, pools, volumes, templates, vms, containers, backupJobs, haRules,
                replicationJobs, firewall, sdn, access);
    }

    /** A scenario without backup jobs. */
    public Scenario(String cluster, List<NodeSpec> nodes, List<StorageSpec> storages, List<PoolSpec> pools,
                    List<VolumeSpec> volumes, List<GuestSpec> templates, List<GuestSpec> vms, List<GuestSpec> containers) {
        this(cluster, nodes, storages, pools, volumes, templates, vms, containers, List.of());
    }

    /**
     * A node: name, address, CPUs, memory and root disk sizes, network interfaces (bridges etc.), and whether it is
     * down ({@code offline: true}: listed {@code offline}, its guests {@code unknown}, every {@code /nodes/<it>/...}
     * call answered 595).
     */
    public record NodeSpec(String name, String ip, Integer cpus, String memory, String rootfs,
                           List<Map<String, Object>> interfaces, Boolean offline) {
        public NodeSpec {
            interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        }

        public NodeSpec(String name, String ip, Integer cpus, String memory, String rootfs, List<Map<String, Object>> interfaces) {
            this(name, ip, cpus, memory, rootfs, interfaces, null);
        }
    }

    /** A storage: id, plugin type, content list, shared flag, node restriction, capacity, other storage.cfg keys. */
    public record StorageSpec(String id, String type, String content, Boolean shared, String nodes, String capacity,
                              Map<String, String> props) {
        public StorageSpec {
            props = props == null ? Map.of() : Map.copyOf(props);
        }
    }

    /** A pool and the ids of its guests. */
    public record PoolSpec(String id, String comment, List<Integer> members) {
        public PoolSpec {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** A file on a storage: {@code local:iso/debian-12.iso} on {@code node}. */
    public record VolumeSpec(String volid, String node, String size) {
    }

    /**
     * A guest: id, node, power state, pool and its config; for a VM whether its guest agent answers (default: yes,
     * when {@code agent} enables it), and the options of its HA resource ({@code state}, {@code comment}, ...) when
     * it is HA-managed.
     */
    public record GuestSpec(Integer vmid, String type, String node, String status, String pool, Map<String, String> config,
                            Boolean guestAgent, Map<String, String> ha) {
        public GuestSpec {
            config = config == null ? Map.of() : Map.copyOf(config);
            ha = ha == null ? Map.of() : Map.copyOf(ha);
        }
    }
}
