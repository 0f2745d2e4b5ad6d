package dev.proxmoxmpc.plugin.simulator.firewall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One firewall configuration file of PVE ({@code cluster.fw}, {@code <node>/host.fw}, {@code <vmid>.fw}): options,
 * rules in position order, aliases, IP sets and (cluster only) security groups. The digest is the SHA-1 of its
 * rendering, as PVE's is the SHA-1 of the file: every item of a file lists the same digest.
 */
public final class FirewallConf {
    final Map<String, String> options = new TreeMap<>();
    final List<Map<String, String>> rules = new ArrayList<>();
    /** By lower-cased name (PVE's alias names are case-insensitive), each with name, cidr, comment. */
    final Map<String, Map<String, String>> aliases = new TreeMap<>();
    final Map<String, IpSet> ipsets = new TreeMap<>();
    final Map<String, Group> groups = new TreeMap<>();

    /** An IP set: comment and entries (cidr, comment, nomatch) in order. */
    static final class IpSet {
        String comment = "";
        final List<Map<String, String>> entries = new ArrayList<>();
    }

    /** A security group: comment and rules. */
    static final class Group {
        String comment = "";
        final List<Map<String, String>> rules = new ArrayList<>();
    }

    String digest() {
        StringBuilder b = new StringBuilder();
        b.append("[OPTIONS]").append(options).append("[ALIASES]").append(aliases.values()).append("[RULES]").append(rules);
        ipsets.forEach((k, v) -> b.append("[IPSET ").append(k).append("] ").append(v.comment).append(v.entries));
        groups.forEach((k, v) -> b.append("[group ").append(k).append("] ").append(v.comment).append(v.rules));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> copy(Map<String, String> m) {
        return new LinkedHashMap<>(m);
    }
}
