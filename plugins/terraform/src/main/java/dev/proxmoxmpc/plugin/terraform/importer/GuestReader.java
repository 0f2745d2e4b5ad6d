package dev.proxmoxmpc.plugin.terraform.importer;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.plugin.terraform.mapping.ContainerMapping;
import dev.proxmoxmpc.plugin.terraform.mapping.NetworkMapping;
import dev.proxmoxmpc.plugin.terraform.mapping.Unknown;
import dev.proxmoxmpc.plugin.terraform.mapping.VmMapping;
import dev.proxmoxmpc.plugin.terraform.objects.ObjectMapping;
import dev.proxmoxmpc.plugin.terraform.objects.ObjectMappings;
import dev.proxmoxmpc.plugin.terraform.parse.Ast;
import dev.proxmoxmpc.plugin.terraform.parse.Evaluator;
import dev.proxmoxmpc.plugin.terraform.parse.HclParser;
import dev.proxmoxmpc.plugin.terraform.parse.HclSyntaxException;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.ImportRequest;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One import run: parse every file, collect variables and locals, lay each guest, bridge, VLAN and pool resource over
 * the base.
 */
public final class GuestReader {
    private static final Set<String> NOT_IMPORTED = Set.of("proxmox_network_linux_bridge", "proxmox_network_linux_vlan");

    private final ImportRequest request;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<ParsedFile> files = new ArrayList<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Pool> pools = new LinkedHashMap<>();
    /** Objects read from blocks, by mapping, keyed by {@link ClusterObject#key()}. */
    private final Map<ObjectMapping, Map<String, ClusterObject>> objects = new LinkedHashMap<>();
    private int notImported;

    public GuestReader(ImportRequest request) {
        this.request = request;
    }

    public ImportResult read() {
        List<Path> paths = new ArrayList<>(request.files());
        paths.sort(null);
        for (Path p : paths) {
            String name = request.root().relativize(p).toString().replace('\\', '/');
            try {
                files.add(new ParsedFile(name, HclParser.parse(name, Files.readString(p, StandardCharsets.UTF_8))));
            } catch (HclSyntaxException e) {
                diagnostics.add(Diagnostic.error("HCL syntax error: " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2)
                        + " (nothing imported)", e.file() + ":" + e.line()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        if (!diagnostics.isEmpty()) {
            return new ImportResult(request.base(), diagnostics);
        }
        Evaluator eval = evaluator();
        Map<Integer, Guest> desired = new LinkedHashMap<>();
        request.base().guests().forEach(g -> desired.put(g.vmid(), g));
        request.base().networks().forEach(n -> networks.put(n.node() + "/" + n.iface(), n));
        request.base().pools().forEach(p -> pools.put(p.id(), p));
        Set<Integer> seen = new HashSet<>();
        for (ParsedFile f : files) {
            int before = notImported;
            for (Ast.Block b : f.body().blocks()) {
                topLevel(f, b, eval, desired, seen);
            }
            if (notImported > before) {
                diagnostics.add(Diagnostic.info((notImported - before) + " resource(s) of the legacy provider not imported: "
                        + "their networks are taken from the server", f.name()));
            }
            for (Ast.Attribute a : f.body().attributes()) {
                warn(f, a.line(), "top-level attribute " + a.name() + " is not Terraform configuration (ignored)");
            }
        }
        Inventory base = request.base();
        Inventory out = new Inventory(base.cluster(), base.nodes(), new ArrayList<>(desired.values()), base.storages(),
                new ArrayList<>(networks.values()), new ArrayList<>(pools.values()), objects(base));
        return new ImportResult(out, diagnostics);
    }

    private void topLevel(ParsedFile f, Ast.Block b, Evaluator eval, Map<Integer, Guest> desired, Set<Integer> seen) {
        if (b.type().equals("resource") && b.labels().size() == 2) {
            String type = b.labels().get(0);
            if (type.equals(VmMapping.TYPE) || type.equals(ContainerMapping.TYPE)) {
                guest(f, b, eval, desired, seen);
                return;
            }
            if (type.equals(NetworkMapping.BRIDGE) || type.equals(NetworkMapping.VLAN)) {
                network(f, b, eval, type.equals(NetworkMapping.BRIDGE));
                return;
            }
            if (type.equals(NetworkMapping.POOL)) {
                pool(f, b, eval);
                return;
            }
            Optional<ObjectMapping> mapping = ObjectMappings.ofType(type);
            if (mapping.isPresent()) {
                object(f, b, eval, mapping.get());
                return;
            }
            if (NOT_IMPORTED.contains(type)) {
                notImported++;
            } else {
                warn(f, b.line(), "resource type " + type + " is not mapped by proxmox-mpc (ignored)");
            }
        } else if (b.type().equals("module")) {
            warn(f, b.line(), "module " + String.join(".", b.labels()) + " is not followed: its resources are not imported");
        } else if (!Meta.NEUTRAL.contains(b.type())) {
            warn(f, b.line(), "block " + b.type() + " is not understood (ignored)");
        }
    }

    private void guest(ParsedFile f, Ast.Block b, Evaluator eval, Map<Integer, Guest> desired, Set<Integer> seen) {
        String address = b.labels().get(0) + "." + b.labels().get(1);
        for (Ast.Item item : b.body().items()) {
            String n = item instanceof Ast.Attribute a ? a.name() : ((Ast.Block) item).type();
            if (Meta.UNMAPPABLE.contains(n)) {
                warn(f, item.line(), address + ": " + n + " cannot be mapped to one guest; the resource is not imported");
                return;
            }
        }
        boolean vm = b.labels().get(0).equals(VmMapping.TYPE);
        HclBlock r = new BlockConverter(eval, f, diagnostics).convert(b, "", vm ? VmMapping.KNOWN : ContainerMapping.KNOWN, address);
        Object id = r.get("vm_id");
        if (!(id instanceof Long vmid)) {
            warn(f, b.line(), address + ": vm_id is " + (id == null ? "missing" : "not a known number")
                    + "; the guest cannot be matched and is not imported");
            return;
        }
        if (!seen.add(vmid.intValue())) {
            warn(f, b.line(), address + ": vm_id " + vmid + " is described twice; this resource is ignored");
            return;
        }
        Guest base = desired.get(vmid.intValue());
        if (base != null && (base instanceof VirtualMachine) != vm) {
            warn(f, b.line(), address + ": VMID " + vmid + " is a " + base.kind().apiType() + " guest, not this type; not imported");
            return;
        }
        if (base == null) {
            Object node = r.get("node_name");
            if (!(node instanceof String nodeName)) {
                warn(f, b.line(), address + ": a new guest needs a known node_name; not imported");
                return;
            }
            base = vm ? new VirtualMachine(vmid.intValue(), nodeName, "", PowerState.STOPPED, Map.of(), GuestRuntime.NONE)
                    : new Container(vmid.intValue(), nodeName, "", PowerState.STOPPED, Map.of(), GuestRuntime.NONE);
        }
        Guest updated = vm ? VmMapping.apply((VirtualMachine) base, r) : ContainerMapping.apply((Container) base, r);
        desired.put(updated.vmid(), updated);
    }

    private void network(ParsedFile f, Ast.Block b, Evaluator eval, boolean bridge) {
        String address = b.labels().get(0) + "." + b.labels().get(1);
        HclBlock r = new BlockConverter(eval, f, diagnostics).convert(b, "", NetworkMapping.NETWORK_KNOWN, address);
        if (!(r.get("node_name") instanceof String node) || !(r.get("name") instanceof String iface)) {
            warn(f, b.line(), address + ": node_name and name must be known strings; the interface is not imported");
            return;
        }
        String key = node + "/" + iface;
        networks.put(key, NetworkMapping.network(r, Optional.ofNullable(networks.get(key)), bridge));
    }

    private void pool(ParsedFile f, Ast.Block b, Evaluator eval) {
        String address = b.labels().get(0) + "." + b.labels().get(1);
        HclBlock r = new BlockConverter(eval, f, diagnostics).convert(b, "", NetworkMapping.POOL_KNOWN, address);
        if (!(r.get("pool_id") instanceof String id)) {
            warn(f, b.line(), address + ": pool_id must be a known string; the pool is not imported");
            return;
        }
        pools.put(id, NetworkMapping.pool(r, Optional.ofNullable(pools.get(id))));
    }

    private void object(ParsedFile f, Ast.Block b, Evaluator eval, ObjectMapping mapping) {
        String type = b.labels().get(0);
        String address = type + "." + b.labels().get(1);
        HclBlock r = new BlockConverter(eval, f, diagnostics).convert(b, "", mapping.known(type), address);
        List<String> problems = new ArrayList<>();
        Optional<ClusterObject> o = mapping.read(type, r, request.base(), problems);
        problems.forEach(p -> warn(f, b.line(), address + ": " + p));
        o.ifPresent(obj -> {
            Map<String, ClusterObject> mine = objects.computeIfAbsent(mapping, m -> new LinkedHashMap<>());
            if (mine.putIfAbsent(obj.key(), obj) != null) {
                warn(f, b.line(), address + ": " + obj.label() + " is described twice; this resource is ignored");
            }
        });
    }

    /**
     * @return the base's objects with what the files describe: a mapping whose own file was read owns its kinds (an
     *     object whose block was removed is gone); blocks found in other files only add or replace objects
     */
    private List<ClusterObject> objects(Inventory base) {
        Set<String> read = new HashSet<>();
        files.forEach(f -> read.add(f.name()));
        Map<String, ClusterObject> out = new LinkedHashMap<>();
        base.objects().forEach(o -> out.put(o.key(), o));
        for (ObjectMapping mapping : ObjectMappings.ALL) {
            boolean owned = read.stream().anyMatch(n -> n.equals("terraform/" + mapping.file()) || n.endsWith("/" + mapping.file())
                    || n.equals(mapping.file()));
            if (owned) {
                out.values().removeIf(o -> mapping.kinds().contains(o.kind()));
            }
            objects.getOrDefault(mapping, Map.of()).forEach(out::put);
        }
        return new ArrayList<>(out.values());
    }

    private Evaluator evaluator() {
        Map<String, Ast.Expr> locals = new LinkedHashMap<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        Evaluator constants = new Evaluator(Map.of(), Map.of());
        for (ParsedFile f : files) {
            for (Ast.Block b : f.body().blocks()) {
                if (b.type().equals("locals")) {
                    b.body().attributes().forEach(a -> locals.put(a.name(), a.value()));
                } else if (b.type().equals("variable") && b.labels().size() == 1) {
                    b.body().attributes().stream().filter(a -> a.name().equals("default")).findFirst().ifPresent(a -> {
                        try {
                            Object v = constants.eval(a.value());
                            if (v != null) {
                                variables.put(b.labels().get(0), v);
                            }
                        } catch (Evaluator.NotEvaluable e) {
                            warn(f, a.line(), "default of var." + b.labels().get(0) + ": cannot evaluate " + e.getMessage());
                        }
                    });
                }
            }
        }
        return new Evaluator(variables, locals);
    }

    private void warn(ParsedFile f, int line, String message) {
        diagnostics.add(Diagnostic.warning(message, f.at(line)));
    }

    static boolean unknown(Object v) {
        return v == Unknown.VALUE;
    }
}
