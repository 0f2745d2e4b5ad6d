package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.plugin.terraform.mapping.Unknown;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The access configuration in {@code access.tf}: users, groups and roles as the SDKv2 resources
 * {@code proxmox_virtual_environment_user|group|role} (bpg has no short names for them), ACL entries as
 * {@code proxmox_acl} and API tokens as {@code proxmox_user_token} (plugin-framework, short names; the long ones are
 * read back too). ACL entries are only ever separate {@code proxmox_acl} resources, never the user's or group's
 * deprecated inline {@code acl} blocks (one representation, no double management). Never a password or a token's
 * secret: the user's {@code password} is left out (users then log in as their realm allows), a token's computed
 * {@code value} is the provider's, not ours.
 */
final class AccessMapping implements ObjectMapping {
    static final String USER = "proxmox_virtual_environment_user";
    static final String GROUP = "proxmox_virtual_environment_group";
    static final String ROLE = "proxmox_virtual_environment_role";
    static final String ACL = "proxmox_acl";
    static final String ACL_LONG = "proxmox_virtual_environment_acl";
    static final String TOKEN = "proxmox_user_token";
    static final String TOKEN_LONG = "proxmox_virtual_environment_user_token";
    private static final List<String> ORDER = List.of("role", "group", "user", "token", "acl");
    private static final FlatAttributes USER_ATTRIBUTES = FlatAttributes.builder()
            .string("comment", "comment")
            .string("email", "email")
            .string("firstname", "first_name")
            .string("lastname", "last_name")
            .string("keys", "keys")
            .build();

    @Override
    public Set<String> kinds() {
        return Set.of("user", "group", "role", "token", "acl");
    }

    @Override
    public String file() {
        return "access.tf";
    }

    @Override
    public String title() {
        return "Users, groups, custom roles, API tokens and ACL entries (Datacenter > Permissions); no passwords or token secrets.";
    }

    @Override
    public Set<String> types() {
        return Set.of(USER, GROUP, ROLE, ACL, ACL_LONG, TOKEN, TOKEN_LONG);
    }

    @Override
    public List<Mapped> toHcl(List<ClusterObject> objects, Inventory desired, Names names) {
        List<ClusterObject> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparingInt((ClusterObject o) -> ORDER.indexOf(o.kind())).thenComparing(ClusterObject::id));
        List<Mapped> out = new ArrayList<>();
        for (ClusterObject o : sorted) {
            Map<String, String> c = o.config();
            switch (o.kind()) {
                case "role" -> {
                    HclBlock r = new HclBlock("resource", ROLE, names.of(o.id(), "role"));
                    r.attr("role_id", o.id());
                    r.attr("privileges", items(c.get("privs")));
                    out.add(new Mapped(r, o.id()));
                }
                case "group" -> {
                    HclBlock r = new HclBlock("resource", GROUP, names.of(o.id(), "group"));
                    r.attr("group_id", o.id());
                    if (!c.getOrDefault("comment", "").isEmpty()) {
                        r.attr("comment", c.get("comment"));
                    }
                    out.add(new Mapped(r, o.id()));
                }
                case "user" -> out.add(user(o, names));
                case "token" -> out.add(token(o, names));
                case "acl" -> out.add(acl(o, names));
                default -> {
                }
            }
        }
        return out;
    }

    private static Mapped user(ClusterObject o, Names names) {
        Map<String, String> c = o.config();
        HclBlock r = new HclBlock("resource", USER, names.of(o.id(), "user"));
        r.attr("user_id", o.id());
        USER_ATTRIBUTES.write(r, c);
        if (c.getOrDefault("enable", "1").equals("0")) {
            r.attr("enabled", false);
        }
        String expire = c.getOrDefault("expire", "0");
        if (!expire.equals("0") && !expire.isEmpty()) {
            r.attr("expiration_date", rfc3339(expire));
        }
        List<String> groups = items(c.get("groups"));
        if (!groups.isEmpty()) {
            r.attr("groups", groups);
        }
        return new Mapped(r, o.id());
    }

    private static Mapped token(ClusterObject o, Names names) {
        Map<String, String> c = o.config();
        int bang = o.id().indexOf('!');
        HclBlock r = new HclBlock("resource", TOKEN, names.of(o.id(), "token"));
        r.attr("user_id", o.id().substring(0, Math.max(0, bang)));
        r.attr("token_name", o.id().substring(bang + 1));
        if (!c.getOrDefault("comment", "").isEmpty()) {
            r.attr("comment", c.get("comment"));
        }
        String expire = c.getOrDefault("expire", "0");
        if (!expire.equals("0") && !expire.isEmpty()) {
            r.attr("expiration_date", rfc3339(expire));
        }
        if (c.getOrDefault("privsep", "1").equals("0")) {
            r.attr("privileges_separation", false);
        }
        return new Mapped(r, o.id()); // no value: the secret is PVE's answer to the creation only, never ours
    }

    private static Mapped acl(ClusterObject o, Names names) {
        String[] p = parts(o.id());
        HclBlock r = new HclBlock("resource", ACL, names.of(p[2] + "_" + p[3] + "_" + p[0], "acl"));
        r.attr("path", p[0]);
        r.attr(p[1] + "_id", p[2]);
        r.attr("role_id", p[3]);
        if (o.config().getOrDefault("propagate", "1").equals("0")) {
            r.attr("propagate", false);
        }
        return new Mapped(r, p[0] + "?" + p[2] + "?" + p[3]);
    }

    /** @return {@code {path, type, ugid, role}} of an ACL id {@code path|type|ugid|role} */
    static String[] parts(String id) {
        int c = id.lastIndexOf('|');
        int b = id.lastIndexOf('|', c - 1);
        int a = id.lastIndexOf('|', b - 1);
        if (a <= 0) {
            return new String[] {id, "user", "", ""};
        }
        return new String[] {id.substring(0, a), id.substring(a + 1, b), id.substring(b + 1, c), id.substring(c + 1)};
    }

    private static List<String> items(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return List.copyOf(new TreeSet<>(Arrays.stream(list.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList()));
    }

    static String rfc3339(String epoch) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch.trim())).toString();
        } catch (NumberFormatException e) {
            return epoch;
        }
    }

    @Override
    public Map<String, Set<String>> known(String type) {
        Set<String> names = new LinkedHashSet<>();
        switch (type) {
            case USER -> {
                names.addAll(USER_ATTRIBUTES.names());
                names.addAll(List.of("user_id", "enabled", "expiration_date", "groups"));
            }
            case GROUP -> names.addAll(List.of("group_id", "comment"));
            case ROLE -> names.addAll(List.of("role_id", "privileges"));
            case ACL, ACL_LONG -> names.addAll(List.of("path", "role_id", "user_id", "group_id", "token_id", "propagate"));
            case TOKEN, TOKEN_LONG -> names.addAll(List.of("user_id", "token_name", "comment", "expiration_date",
                    "privileges_separation"));
            default -> {
            }
        }
        return Map.of("", names);
    }

    @Override
    public Optional<ClusterObject> read(String type, HclBlock r, Inventory base, List<String> problems) {
        return switch (type) {
            case USER -> id(r, "user_id", problems).map(id -> readUser(r, id, base, problems));
            case GROUP -> id(r, "group_id", problems).map(id -> {
                Map<String, String> c = new TreeMap<>(had(base, "group", id));
                text(r, "comment", c, "comment");
                return new ClusterObject("group", "", id, c);
            });
            case ROLE -> id(r, "role_id", problems).map(id -> {
                Map<String, String> c = new TreeMap<>(had(base, "role", id));
                Object privs = r.get("privileges");
                if (privs instanceof List<?> l) {
                    c.put("privs", String.join(",", new TreeSet<>(l.stream().map(String::valueOf).toList())));
                } else if (privs != Unknown.VALUE) {
                    problems.add("role " + id + ": privileges must be a list of privilege names");
                }
                return new ClusterObject("role", "", id, c);
            });
            case ACL, ACL_LONG -> readAcl(r, base, problems);
            case TOKEN, TOKEN_LONG -> readToken(r, base, problems);
            default -> Optional.empty();
        };
    }

    private static ClusterObject readUser(HclBlock r, String id, Inventory base, List<String> problems) {
        Map<String, String> had = had(base, "user", id);
        Map<String, String> c = new TreeMap<>(USER_ATTRIBUTES.read(r, had, problems));
        Object enabled = r.get("enabled");
        if (enabled != Unknown.VALUE) {
            c.put("enable", Boolean.FALSE.equals(enabled) ? "0" : "1");
        }
        expire(r, c, had, problems);
        Object groups = r.get("groups");
        if (groups instanceof List<?> l) {
            String joined = String.join(",", new TreeSet<>(l.stream().map(String::valueOf).toList()));
            if (joined.isEmpty()) {
                c.remove("groups");
            } else {
                c.put("groups", joined);
            }
        } else if (groups == null) {
            c.remove("groups");
        }
        return new ClusterObject("user", "", id, c);
    }

    private static Optional<ClusterObject> readToken(HclBlock r, Inventory base, List<String> problems) {
        Optional<String> user = id(r, "user_id", problems);
        Optional<String> name = id(r, "token_name", problems);
        if (user.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        String id = user.get() + "!" + name.get();
        Map<String, String> had = had(base, "token", id);
        Map<String, String> c = new TreeMap<>(had);
        text(r, "comment", c, "comment");
        expire(r, c, had, problems);
        Object privsep = r.get("privileges_separation");
        if (privsep != Unknown.VALUE) {
            c.put("privsep", Boolean.FALSE.equals(privsep) ? "0" : "1");
        }
        return Optional.of(new ClusterObject("token", "", id, c));
    }

    private static Optional<ClusterObject> readAcl(HclBlock r, Inventory base, List<String> problems) {
        Optional<String> path = id(r, "path", problems);
        Optional<String> role = id(r, "role_id", problems);
        List<String> types = new ArrayList<>();
        String ugid = null;
        for (String t : List.of("user", "group", "token")) {
            if (r.get(t + "_id") instanceof String s && !s.isEmpty()) {
                types.add(t);
                ugid = s;
            }
        }
        if (types.size() != 1) {
            problems.add("an ACL needs exactly one of user_id, group_id and token_id as a known string; it is not imported");
            return Optional.empty();
        }
        if (path.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        String id = path.get() + "|" + types.get(0) + "|" + ugid + "|" + role.get();
        Map<String, String> c = new TreeMap<>(had(base, "acl", id));
        Object propagate = r.get("propagate");
        if (propagate != Unknown.VALUE) {
            c.put("propagate", Boolean.FALSE.equals(propagate) ? "0" : "1");
        }
        return Optional.of(new ClusterObject("acl", "", id, c));
    }

    private static void expire(HclBlock r, Map<String, String> c, Map<String, String> had, List<String> problems) {
        Object v = r.get("expiration_date");
        if (v == Unknown.VALUE) {
            return;
        }
        if (v == null) {
            c.put("expire", "0");
            return;
        }
        try {
            long epoch = Instant.parse(String.valueOf(v)).getEpochSecond();
            c.put("expire", String.valueOf(epoch));
        } catch (DateTimeParseException e) {
            problems.add("expiration_date must be an RFC 3339 time (2027-01-31T00:00:00Z), got '" + v + "'");
            c.put("expire", had.getOrDefault("expire", "0"));
        }
    }

    private static void text(HclBlock r, String attribute, Map<String, String> c, String key) {
        Object v = r.get(attribute);
        if (v == Unknown.VALUE) {
            return;
        }
        if (v == null || String.valueOf(v).isEmpty()) {
            c.remove(key);
        } else {
            c.put(key, String.valueOf(v));
        }
    }

    private static Optional<String> id(HclBlock r, String attribute, List<String> problems) {
        if (r.get(attribute) instanceof String s && !s.isEmpty()) {
            return Optional.of(s);
        }
        problems.add(attribute + " must be a known string; the resource is not imported");
        return Optional.empty();
    }

    private static Map<String, String> had(Inventory base, String kind, String id) {
        return base.object(kind, "", id).map(ClusterObject::config).orElse(Map.of());
    }
}
