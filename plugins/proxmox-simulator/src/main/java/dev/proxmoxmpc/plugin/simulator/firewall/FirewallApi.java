package dev.proxmoxmpc.plugin.simulator.firewall;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.firewall.FirewallConf.Group;
import dev.proxmoxmpc.plugin.simulator.firewall.FirewallConf.IpSet;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PVE's firewall configuration ({@code pve-firewall}'s {@code cluster.fw}, {@code host.fw}, {@code <vmid>.fw}) as the
 * API shows and edits it: options, rules (by position), aliases, IP sets and security groups at the cluster level;
 * options and rules of a node; options, rules, aliases and IP sets of a guest. Shapes and checks follow
 * {@code PVE::API2::Firewall::*} (9.2): rules list {@code pos}, {@code digest} and the {@code ipversion} their
 * addresses imply; a new rule goes to the top (PVE's {@code unshift}); {@code moveto} moves a rule; rules are verified
 * against the aliases, IP sets and groups they name, with PVE's messages. Privileges come from the bundled schema
 * ({@code Sys.Modify} on {@code /}, on {@code /nodes/<node>}, {@code VM.Config.Network} on {@code /vms/<vmid>}).
 * The simulator filters no traffic: the configuration is only stored.
 */
public final class FirewallApi {
    static final List<String> RULE_KEYS = List.of("type", "action", "macro", "iface", "source", "dest", "proto", "dport",
            "sport", "icmp-type", "log", "comment", "enable");
    private static final Set<String> DELETABLE = Set.of("macro", "iface", "source", "dest", "proto", "dport", "sport",
            "icmp-type", "log", "comment");
    private static final Set<String> NOT_CONFIG = Set.of("node", "vmid", "digest", "delete", "pos", "moveto", "group",
            "name", "cidr", "rename", "force");
    private static final List<String> MACROS = List.of("Amanda", "Auth", "BGP", "BitTorrent", "BitTorrent32", "CVS", "Ceph",
            "Citrix", "DAAP", "DCC", "DHCPfwd", "DHCPv6", "DNS", "Distcc", "FTP", "Finger", "GNUnet", "GRE", "Git", "HKP",
            "HTTP", "HTTPS", "ICPV2", "ICQ", "IMAP", "IMAPS", "IPIP", "IPsec", "IPsecah", "IPsecnat", "IRC", "Jetdirect",
            "L2TP", "LDAP", "LDAPS", "MDNS", "MSNP", "MSSQL", "Mail", "Munin", "MySQL", "NNTP", "NNTPS", "NTP",
            "NeighborDiscovery", "OSPF", "OpenVPN", "PCA", "PMG", "POP3", "POP3S", "PPtP", "Ping", "PostgreSQL", "Printer",
            "RDP", "RIP", "RNDC", "Razor", "Rdate", "Rsync", "SANE", "SMB", "SMBswat", "SMTP", "SMTPS", "SNMP", "SPAMD",
            "SPICEproxy", "SSH", "SVN", "SixXS", "Squid", "Submission", "Syslog", "TFTP", "Telnet", "Telnets", "Time",
            "Trcrt", "VNC", "VNCL", "Web", "Webcache", "Webmin", "Whois");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*(/\\d{1,3})?");
    private static final Pattern ALIAS = Pattern.compile("(?:(?:guest|dc)/)?([A-Za-z][A-Za-z0-9\\-_]+)");
    private static final Pattern IPSET = Pattern.compile("\\+(?:(?:guest|dc)/)?([A-Za-z][A-Za-z0-9\\-_]+)");

    private final Cluster cluster;
    private final FirewallConf clusterConf = new FirewallConf();
    private final Map<String, FirewallConf> nodeConfs = new TreeMap<>();
    private final Map<Guest, FirewallConf> guestConfs = new IdentityHashMap<>();

    public FirewallApi(Cluster cluster, Map<String, Object> seed) {
        this.cluster = cluster;
        FirewallSeed.seed(this, seed == null ? Map.of() : seed);
    }

    FirewallConf clusterConf() {
        return clusterConf;
    }

    FirewallConf nodeConf(String node) {
        cluster.node(node);
        return nodeConfs.computeIfAbsent(node, n -> new FirewallConf());
    }

    Guest guest(int vmid) {
        return cluster.guests.get(vmid);
    }

    FirewallConf guestConf(Guest g) {
        return guestConfs.computeIfAbsent(g, x -> new FirewallConf());
    }

    public void register(Router r) {
        scope(r, "/cluster/firewall", req -> clusterConf, true);
        scope(r, "/nodes/{node}/firewall", req -> nodeConf(req.node()), false);
        for (String kind : new String[] {"qemu", "lxc"}) {
            Function<ApiRequest, FirewallConf> conf = req -> guestConf(cluster.guest(kind, req.node(), req.vmid()));
            String base = "/nodes/{node}/" + kind + "/{vmid}/firewall";
            r.get(base + "/options", req -> options(conf.apply(req)));
            r.put(base + "/options", req -> setOptions(conf.apply(req), req));
            lists(r, base, conf);
        }
        r.get("/cluster/firewall/groups", req -> groups());
        r.post("/cluster/firewall/groups", this::createGroup);
        r.get("/cluster/firewall/groups/{group}", req -> listRules(group(req).rules, clusterConf, null));
        r.post("/cluster/firewall/groups/{group}", req -> createRule(group(req).rules, clusterConf, null, req, false));
        r.delete("/cluster/firewall/groups/{group}", this::deleteGroup);
        r.get("/cluster/firewall/groups/{group}/{pos}", req -> oneRule(group(req).rules, clusterConf, null, req));
        r.put("/cluster/firewall/groups/{group}/{pos}", req -> updateRule(group(req).rules, clusterConf, null, req, false));
        r.delete("/cluster/firewall/groups/{group}/{pos}", req -> deleteRule(group(req).rules, clusterConf, req));
    }

    private void scope(Router r, String base, Function<ApiRequest, FirewallConf> conf, boolean cluster) {
        r.get(base + "/options", req -> options(conf.apply(req)));
        r.put(base + "/options", req -> setOptions(conf.apply(req), req));
        r.get(base + "/rules", req -> listRules(conf.apply(req).rules, conf.apply(req), cluster ? null : conf.apply(req)));
        r.post(base + "/rules", req -> createRule(conf.apply(req).rules, conf.apply(req), local(conf, req, cluster), req, true));
        r.get(base + "/rules/{pos}", req -> oneRule(conf.apply(req).rules, conf.apply(req), local(conf, req, cluster), req));
        r.put(base + "/rules/{pos}", req -> updateRule(conf.apply(req).rules, conf.apply(req), local(conf, req, cluster), req, true));
        r.delete(base + "/rules/{pos}", req -> deleteRule(conf.apply(req).rules, conf.apply(req), req));
        if (cluster) {
            lists(r, base, conf);
        }
    }

    private static FirewallConf local(Function<ApiRequest, FirewallConf> conf, ApiRequest req, boolean cluster) {
        return cluster ? null : conf.apply(req);
    }

    /** Rules (for guests), aliases and IP sets of a guest or the cluster. */
    private void lists(Router r, String base, Function<ApiRequest, FirewallConf> conf) {
        if (base.contains("{vmid}")) {
            r.get(base + "/rules", req -> listRules(conf.apply(req).rules, conf.apply(req), conf.apply(req)));
            r.post(base + "/rules", req -> createRule(conf.apply(req).rules, conf.apply(req), conf.apply(req), req, true));
            r.get(base + "/rules/{pos}", req -> oneRule(conf.apply(req).rules, conf.apply(req), conf.apply(req), req));
            r.put(base + "/rules/{pos}", req -> updateRule(conf.apply(req).rules, conf.apply(req), conf.apply(req), req, true));
            r.delete(base + "/rules/{pos}", req -> deleteRule(conf.apply(req).rules, conf.apply(req), req));
            r.get(base + "/refs", req -> refs(conf.apply(req), req.params().get("type")));
        }
        r.get(base + "/aliases", req -> aliases(conf.apply(req)));
        r.post(base + "/aliases", req -> createAlias(conf.apply(req), req));
        r.get(base + "/aliases/{name}", req -> alias(conf.apply(req), req));
        r.put(base + "/aliases/{name}", req -> updateAlias(conf.apply(req), req));
        r.delete(base + "/aliases/{name}", req -> deleteAlias(conf.apply(req), req));
        r.get(base + "/ipset", req -> ipsets(conf.apply(req)));
        r.post(base + "/ipset", req -> createIpSet(conf.apply(req), req));
        r.get(base + "/ipset/{name}", req -> entries(conf.apply(req), req));
        r.post(base + "/ipset/{name}", req -> addEntry(conf.apply(req), req));
        r.delete(base + "/ipset/{name}", req -> deleteIpSet(conf.apply(req), req));
        r.get(base + "/ipset/{name}/{cidr}", req -> entry(conf.apply(req), req));
        r.put(base + "/ipset/{name}/{cidr}", req -> updateEntry(conf.apply(req), req));
        r.delete(base + "/ipset/{name}/{cidr}", req -> deleteEntry(conf.apply(req), req));
    }

    // ---- references

    /**
     * What a guest's rules may name ({@code GET .../firewall/refs}): the cluster's IP sets and aliases (scope
     * {@code dc}), then the guest's own ({@code guest}), each IP sets first, as {@code PVE::Firewall::Helpers::
     * collect_refs} lists them (by their keys: alias keys are lower-cased). PVE also lists the IP sets SDN makes for
     * its vnets (scope {@code sdn}); the simulator keeps none.
     */
    private Object refs(FirewallConf guest, String type) {
        List<Object> out = new ArrayList<>();
        refs(clusterConf, type, "dc", out);
        refs(guest, type, "guest", out);
        return out;
    }

    private static void refs(FirewallConf c, String type, String scope, List<Object> out) {
        if (type == null || type.equals("ipset")) {
            c.ipsets.forEach((name, set) -> out.add(ref("ipset", name, "+" + name, scope, set.comment)));
        }
        if (type == null || type.equals("alias")) {
            c.aliases.forEach((name, a) -> out.add(ref("alias", name, name, scope, a.getOrDefault("comment", ""))));
        }
    }

    private static Map<String, Object> ref(String type, String name, String ref, String scope, String comment) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("name", name);
        m.put("ref", ref);
        m.put("scope", scope);
        if (!comment.isEmpty()) {
            m.put("comment", comment);
        }
        return m;
    }

    // ---- options

    private static Object options(FirewallConf c) {
        Map<String, Object> out = new LinkedHashMap<>();
        c.options.forEach((k, v) -> out.put(k, v.matches("\\d+") ? (Object) Long.parseLong(v) : v));
        out.put("digest", c.digest());
        return out;
    }

    private static Object setOptions(FirewallConf c, ApiRequest req) {
        checkDigest(c, req);
        for (String k : list(req.params().get("delete"))) {
            c.options.remove(k);
        }
        req.params().forEach((k, v) -> {
            if (!NOT_CONFIG.contains(k)) {
                c.options.put(k, v);
            }
        });
        return null;
    }

    // ---- rules

    private Object listRules(List<Map<String, String>> rules, FirewallConf c, FirewallConf local) {
        List<Object> out = new ArrayList<>();
        String digest = c.digest();
        for (int i = 0; i < rules.size(); i++) {
            out.add(ruleView(rules.get(i), i, digest, local));
        }
        return out;
    }

    private Object oneRule(List<Map<String, String>> rules, FirewallConf c, FirewallConf local, ApiRequest req) {
        int pos = pos(rules, req);
        return ruleView(rules.get(pos), pos, c.digest(), local);
    }

    private Map<String, Object> ruleView(Map<String, String> rule, int pos, String digest, FirewallConf local) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : RULE_KEYS) {
            String v = rule.get(k);
            if (v != null) {
                m.put(k, k.equals("enable") ? (Object) Integer.parseInt(v) : v);
            }
        }
        m.put("pos", pos);
        m.put("digest", digest);
        int ipversion = ipversion(rule.get("source"), local);
        if (ipversion == 0) {
            ipversion = ipversion(rule.get("dest"), local);
        }
        if (ipversion != 0) {
            m.put("ipversion", ipversion);
        }
        return m;
    }

    private int ipversion(String addr, FirewallConf local) {
        if (addr == null || addr.isEmpty() || addr.startsWith("+")) {
            return 0;
        }
        String first = addr.split(",")[0];
        Matcher a = ALIAS.matcher(first);
        if (!a.matches() && first.contains("-")) {
            first = first.substring(0, first.indexOf('-')); // a range 10.0.0.1-10.0.0.9
        }
        if (a.matches() && !IPV6.matcher(first).matches()) {
            Map<String, String> alias = lookupAlias(a.group(1), local);
            first = alias == null ? "" : alias.get("cidr");
        }
        return IPV4.matcher(first).matches() ? 4 : IPV6.matcher(first).matches() ? 6 : 0;
    }

    private Object createRule(List<Map<String, String>> rules, FirewallConf c, FirewallConf local, ApiRequest req, boolean groupsAllowed) {
        checkDigest(c, req);
        Map<String, String> rule = new LinkedHashMap<>();
        copyRule(rule, req);
        rule.putIfAbsent("enable", "0");
        verify(rule, local, groupsAllowed);
        rules.add(0, rule);
        return null;
    }

    private Object updateRule(List<Map<String, String>> rules, FirewallConf c, FirewallConf local, ApiRequest req, boolean groupsAllowed) {
        checkDigest(c, req);
        int pos = pos(rules, req);
        Map<String, String> rule = rules.get(pos);
        if (req.params().containsKey("moveto")) {
            int moveto = Integer.parseInt(req.params().get("moveto"));
            List<Map<String, String>> moved = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                if (i == pos) {
                    continue;
                }
                if (i == moveto) {
                    moved.add(rule);
                }
                moved.add(rules.get(i));
            }
            if (moveto >= rules.size()) {
                moved.add(rule);
            }
            rules.clear();
            rules.addAll(moved);
            return null;
        }
        Map<String, String> changed = new LinkedHashMap<>(rule);
        for (String k : list(req.params().get("delete"))) {
            if (k.equals("type") || k.equals("action")) {
                throw ApiException.failed("unable to delete required property '" + k + "'");
            }
            if (!DELETABLE.contains(k) && !k.equals("enable")) {
                throw ApiException.parameter("delete", "invalid property '" + k + "'");
            }
            changed.remove(k);
        }
        copyRule(changed, req);
        verify(changed, local, groupsAllowed);
        Map<String, String> ordered = new LinkedHashMap<>();
        RULE_KEYS.forEach(k -> {
            if (changed.containsKey(k)) {
                ordered.put(k, changed.get(k));
            }
        });
        rules.set(pos, ordered);
        return null;
    }

    private static Object deleteRule(List<Map<String, String>> rules, FirewallConf c, ApiRequest req) {
        checkDigest(c, req);
        rules.remove(pos(rules, req));
        return null;
    }

    private static void copyRule(Map<String, String> rule, ApiRequest req) {
        for (String k : RULE_KEYS) {
            String v = req.params().get(k);
            if (v != null) {
                if (k.equals("macro")) {
                    v = MACROS.stream().filter(v::equalsIgnoreCase).findFirst().orElse(v);
                }
                if (k.equals("enable")) {
                    v = v.equals("0") ? "0" : "1";
                }
                if (v.isEmpty() && DELETABLE.contains(k)) {
                    rule.remove(k);
                } else {
                    rule.put(k, v);
                }
            }
        }
    }

    /** PVE::Firewall::verify_rule: the action, macro, and every alias, IP set or group the rule names must exist. */
    private void verify(Map<String, String> rule, FirewallConf local, boolean groupsAllowed) {
        Map<String, String> errors = new TreeMap<>();
        String type = rule.getOrDefault("type", "");
        String action = rule.getOrDefault("action", "");
        if (type.equals("group")) {
            if (!groupsAllowed) {
                errors.put("type", "security groups not allowed");
            } else if (!clusterConf.groups.containsKey(action)) {
                errors.put("action", "security group '" + action + "' does not exist");
            }
        } else if (!Set.of("ACCEPT", "DROP", "REJECT").contains(action)) {
            errors.put("action", "unknown action '" + action + "'");
        }
        String macro = rule.get("macro");
        if (macro != null && !MACROS.contains(macro)) {
            errors.put("macro", "unknown macro '" + macro + "'");
        }
        for (String key : new String[] {"source", "dest"}) {
            String value = rule.get(key);
            if (value == null || value.isEmpty()) {
                continue;
            }
            Matcher set = IPSET.matcher(value);
            if (value.startsWith("+")) {
                if (!set.matches()) {
                    errors.put(key, "invalid ipset name '" + value + "'");
                } else if (!clusterConf.ipsets.containsKey(set.group(1)) && (local == null || !local.ipsets.containsKey(set.group(1)))) {
                    errors.put(key, "no such ipset '" + set.group(1) + "'");
                }
                continue;
            }
            Matcher a = ALIAS.matcher(value);
            if (a.matches() && !IPV6.matcher(value).matches() && lookupAlias(a.group(1), local) == null) {
                errors.put(key, "no such alias '" + value + "'");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.parameters(errors);
        }
    }

    private Map<String, String> lookupAlias(String name, FirewallConf local) {
        String lc = name.toLowerCase(Locale.ROOT);
        if (local != null && local.aliases.containsKey(lc)) {
            return local.aliases.get(lc);
        }
        return clusterConf.aliases.get(lc);
    }

    private static int pos(List<Map<String, String>> rules, ApiRequest req) {
        String given = req.params().get("pos");
        int pos = given == null ? -1 : Integer.parseInt(given.trim());
        if (pos < 0 || pos >= rules.size()) {
            throw ApiException.failed("no rule at position " + (given == null ? "" : given));
        }
        return pos;
    }

    // ---- security groups

    private Object groups() {
        List<Object> out = new ArrayList<>();
        String digest = clusterConf.digest();
        clusterConf.groups.forEach((name, g) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", name);
            if (!g.comment.isEmpty()) {
                m.put("comment", g.comment);
            }
            m.put("digest", digest);
            out.add(m);
        });
        return out;
    }

    private Object createGroup(ApiRequest req) {
        checkDigest(clusterConf, req);
        String name = req.required("group");
        String rename = req.params().get("rename");
        if (rename != null) {
            Group g = clusterConf.groups.remove(rename);
            if (g == null) {
                throw ApiException.failed("Security group '" + rename + "' does not exist");
            }
            if (clusterConf.groups.containsKey(name)) {
                throw ApiException.failed("Security group '" + name + "' already exists");
            }
            req.param("comment").ifPresent(cm -> g.comment = cm);
            clusterConf.groups.put(name, g);
            return null;
        }
        if (clusterConf.groups.containsKey(name)) {
            throw ApiException.parameter("group", "Security group '" + name + "' already exists");
        }
        Group g = new Group();
        g.comment = req.params().getOrDefault("comment", "");
        clusterConf.groups.put(name, g);
        return null;
    }

    private Object deleteGroup(ApiRequest req) {
        Group g = group(req);
        if (!g.rules.isEmpty()) {
            throw ApiException.failed("Security group '" + req.required("group") + "' is not empty");
        }
        clusterConf.groups.remove(req.required("group"));
        return null;
    }

    private Group group(ApiRequest req) {
        Group g = clusterConf.groups.get(req.required("group"));
        if (g == null) {
            throw ApiException.failed("no such security group '" + req.required("group") + "'");
        }
        return g;
    }

    // ---- aliases

    private static Object aliases(FirewallConf c) {
        List<Object> out = new ArrayList<>();
        String digest = c.digest();
        c.aliases.values().forEach(a -> {
            Map<String, Object> m = new LinkedHashMap<>(a);
            m.put("digest", digest);
            out.add(m);
        });
        return out;
    }

    private static Object alias(FirewallConf c, ApiRequest req) {
        Map<String, String> a = c.aliases.get(req.required("name").toLowerCase(Locale.ROOT));
        if (a == null) {
            throw ApiException.failed("no such alias '" + req.required("name") + "'");
        }
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.put("digest", c.digest());
        return m;
    }

    private static Object createAlias(FirewallConf c, ApiRequest req) {
        checkDigest(c, req);
        String name = req.required("name");
        if (c.aliases.containsKey(name.toLowerCase(Locale.ROOT))) {
            throw ApiException.failed("alias '" + name + "' already exists");
        }
        c.aliases.put(name.toLowerCase(Locale.ROOT), aliasData(name, req));
        return null;
    }

    private static Object updateAlias(FirewallConf c, ApiRequest req) {
        checkDigest(c, req);
        String name = req.required("name");
        if (c.aliases.remove(name.toLowerCase(Locale.ROOT)) == null) {
            throw ApiException.failed("no such alias '" + name + "'");
        }
        String newName = req.params().getOrDefault("rename", name);
        if (c.aliases.containsKey(newName.toLowerCase(Locale.ROOT))) {
            throw ApiException.failed("alias '" + newName + "' already exists");
        }
        c.aliases.put(newName.toLowerCase(Locale.ROOT), aliasData(newName, req));
        return null;
    }

    private static Map<String, String> aliasData(String name, ApiRequest req) {
        String cidr = req.required("cidr");
        if (!IPV4.matcher(cidr).matches() && !IPV6.matcher(cidr).matches()) {
            throw ApiException.parameter("cidr", "value does not look like a valid IP address or CIDR network");
        }
        Map<String, String> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("cidr", cidr);
        String comment = req.params().get("comment");
        if (comment != null && !comment.isEmpty()) {
            a.put("comment", comment);
        }
        return a;
    }

    private static Object deleteAlias(FirewallConf c, ApiRequest req) {
        checkDigest(c, req);
        c.aliases.remove(req.required("name").toLowerCase(Locale.ROOT));
        return null;
    }

    // ---- IP sets

    private static Object ipsets(FirewallConf c) {
        List<Object> out = new ArrayList<>();
        String digest = c.digest();
        c.ipsets.forEach((name, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            if (!s.comment.isEmpty()) {
                m.put("comment", s.comment);
            }
            m.put("digest", digest);
            out.add(m);
        });
        return out;
    }

    private static Object createIpSet(FirewallConf c, ApiRequest req) {
        checkDigest(c, req);
        String name = req.required("name");
        String rename = req.params().get("rename");
        if (rename != null) {
            IpSet s = c.ipsets.remove(rename);
            if (s == null) {
                throw ApiException.failed("IPSet '" + rename + "' does not exist");
            }
            if (c.ipsets.containsKey(name)) {
                throw ApiException.failed("IPSet '" + name + "' already exists");
            }
            req.param("comment").ifPresent(cm -> s.comment = cm);
            c.ipsets.put(name, s);
            return null;
        }
        if (c.ipsets.containsKey(name)) {
            throw ApiException.failed("IPSet '" + name + "' already exists");
        }
        IpSet s = new IpSet();
        s.comment = req.params().getOrDefault("comment", "");
        c.ipsets.put(name, s);
        return null;
    }

    private static Object deleteIpSet(FirewallConf c, ApiRequest req) {
        IpSet s = ipset(c, req);
        if (!s.entries.isEmpty() && !req.flag("force")) {
            throw ApiException.failed("IPSet '" + req.required("name") + "' is not empty");
        }
        c.ipsets.remove(req.required("name"));
        return null;
    }

    private static IpSet ipset(FirewallConf c, ApiRequest req) {
        IpSet s = c.ipsets.get(req.required("name"));
        if (s == null) {
            throw ApiException.failed("no such IPSet '" + req.required("name") + "'");
        }
        return s;
    }

    private static Object entries(FirewallConf c, ApiRequest req) {
        IpSet s = ipset(c, req);
        List<Object> out = new ArrayList<>();
        String digest = c.digest();
        for (Map<String, String> e : s.entries) {
            out.add(entryView(e, digest));
        }
        return out;
    }

    private static Map<String, Object> entryView(Map<String, String> e, String digest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cidr", e.get("cidr"));
        if (e.containsKey("comment")) {
            m.put("comment", e.get("comment"));
        }
        if (e.containsKey("nomatch")) {
            m.put("nomatch", Integer.parseInt(e.get("nomatch")));
        }
        m.put("digest", digest);
        return m;
    }

    private static Object entry(FirewallConf c, ApiRequest req) {
        return entryView(findEntry(c, req), c.digest());
    }

    private static Map<String, String> findEntry(FirewallConf c, ApiRequest req) {
        String cidr = req.required("cidr");
        return ipset(c, req).entries.stream().filter(e -> e.get("cidr").equals(cidr)).findFirst()
                .orElseThrow(() -> ApiException.failed("no such IP/Network '" + cidr + "'"));
    }

    private static Object addEntry(FirewallConf c, ApiRequest req) {
        IpSet s = ipset(c, req);
        String cidr = req.required("cidr");
        if (s.entries.stream().anyMatch(e -> e.get("cidr").equals(cidr))) {
            throw ApiException.failed("address '" + cidr + "' already exists");
        }
        Map<String, String> e = new LinkedHashMap<>();
        e.put("cidr", cidr);
        entryData(e, req);
        s.entries.add(e);
        return null;
    }

    private static void entryData(Map<String, String> e, ApiRequest req) {
        String comment = req.params().get("comment");
        if (comment != null) {
            if (comment.isEmpty()) {
                e.remove("comment");
            } else {
                e.put("comment", comment);
            }
        }
        if (req.params().containsKey("nomatch")) {
            if (req.flag("nomatch")) {
                e.put("nomatch", "1");
            } else {
                e.remove("nomatch");
            }
        }
    }

    private static Object updateEntry(FirewallConf c, ApiRequest req) {
        checkDigest(c, req);
        entryData(findEntry(c, req), req);
        return null;
    }

    private static Object deleteEntry(FirewallConf c, ApiRequest req) {
        checkDigest(c, req);
        Map<String, String> e = findEntry(c, req);
        ipset(c, req).entries.remove(e);
        return null;
    }

    // ---- helpers

    private static void checkDigest(FirewallConf c, ApiRequest req) {
        String digest = req.params().get("digest");
        if (digest != null && !digest.isEmpty() && !digest.equals(c.digest())) {
            throw ApiException.failed("detected modified configuration - file changed by other user? Try again.");
        }
    }

    private static List<String> list(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("[,;\\s]+")).filter(x -> !x.isEmpty()).toList();
    }
}
