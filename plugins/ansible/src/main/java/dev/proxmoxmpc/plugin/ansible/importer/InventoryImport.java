package dev.proxmoxmpc.plugin.ansible.importer;

import dev.proxmoxmpc.plugin.ansible.inventory.InventoryPlan;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.ImportRequest;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One import run: each file in path order laid over the inventory the previous files produced. */
public final class InventoryImport {
    private final ImportRequest request;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public InventoryImport(ImportRequest request) {
        this.request = request;
    }

    /** @return the desired inventory and every diagnostic. Blocks on file I/O. */
    public ImportResult run() {
        Inventory current = request.base();
        for (Path file : request.files().stream().sorted().toList()) {
            current = readFile(file, current);
        }
        return new ImportResult(current, diagnostics);
    }

    private Inventory readFile(Path file, Inventory base) {
        String source = sourceName(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Optional<YamlNode> root = new YamlTree(source, diagnostics).read(text);
        if (root.isEmpty()) {
            return base;
        }
        if (!(root.get() instanceof YamlNode.Mapping m)) {
            diagnostics.add(Diagnostic.info("not an inventory (a playbook or a list); skipped", source + ":" + root.get().line()));
            return base;
        }
        if (m.entries().containsKey("plugin")) {
            PluginConfigCheck.check(m, source, diagnostics);
            return base;
        }
        return apply(InventoryDocument.parse(m, source, diagnostics), OriginalNames.scan(text), base, source);
    }

    private Inventory apply(InventoryDocument doc, Map<String, String> commented, Inventory base, String source) {
        InventoryPlan plan = InventoryPlan.of(base);
        GuestUpdater.Names names = new GuestUpdater.Names(invert(plan.tagGroups(), commented),
                invert(plan.poolGroups(), commented), invert(plan.nodeGroups(), commented));
        boolean poolsManaged = doc.groups.keySet().stream().anyMatch(g -> g.startsWith("pool_"));
        boolean tagsManaged = doc.groups.keySet().stream().anyMatch(GuestUpdater::givesTag);
        if (!tagsManaged && !doc.hosts.isEmpty()) {
            diagnostics.add(Diagnostic.info("no tag groups in this inventory; tags are left as they are", source));
        }
        GuestUpdater updater = new GuestUpdater(names, plan, request.observed(), poolsManaged, tagsManaged, source, diagnostics);
        reportPlainGroups(doc, source);
        Map<String, Integer> hostToVmid = new HashMap<>();
        plan.hosts().forEach((vmid, host) -> hostToVmid.put(host, vmid));
        Map<Integer, String> seen = new TreeMap<>();
        Inventory out = base;
        for (InventoryDocument.Host host : doc.hosts.values()) {
            Optional<Guest> guest = match(host, base, hostToVmid, source);
            if (guest.isEmpty()) {
                continue;
            }
            String previous = seen.putIfAbsent(guest.get().vmid(), host.name);
            if (previous != null) {
                diagnostics.add(Diagnostic.warning("'" + host.name + "' describes vmid " + guest.get().vmid()
                        + " like '" + previous + "' already did; ignored", source + ":" + host.line));
                continue;
            }
            String expectedName = plan.hosts().get(guest.get().vmid());
            if (!host.name.equals(expectedName) && !host.name.equals(guest.get().name())) {
                diagnostics.add(Diagnostic.info("host '" + host.name + "' is guest " + guest.get().vmid() + " '" + guest.get().name()
                        + "'; renames are not imported (rename the guest itself)", source + ":" + host.line));
            }
            Guest updated = updater.update(guest.get(), host, doc.effectiveGroups(host));
            if (!updated.equals(guest.get())) {
                out = out.withGuest(updated);
            }
        }
        return out;
    }

    private Optional<Guest> match(InventoryDocument.Host host, Inventory base, Map<String, Integer> hostToVmid, String source) {
        YamlNode.Entry vmidVar = host.vars.get("proxmox_vmid");
        if (vmidVar != null) {
            String text = vmidVar.value() instanceof YamlNode.Scalar s && !s.isNull() ? s.text().trim() : "";
            if (!text.matches("\\d{1,9}")) {
                diagnostics.add(Diagnostic.warning("proxmox_vmid '" + text + "' of '" + host.name + "' is not a VMID; host not imported",
                        source + ":" + vmidVar.line()));
                return Optional.empty();
            }
            Optional<Guest> g = base.guest(Integer.parseInt(text));
            if (g.isEmpty()) {
                diagnostics.add(Diagnostic.warning("no guest has vmid " + text + " (host '" + host.name
                        + "'); create it first (e.g. /create or Terraform), host not imported", source + ":" + vmidVar.line()));
            }
            return g;
        }
        if (hostToVmid.containsKey(host.name)) {
            return base.guest(hostToVmid.get(host.name));
        }
        List<Guest> named = base.guestsNamed(host.name);
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        diagnostics.add(Diagnostic.warning("host '" + host.name + "' matches " + (named.isEmpty() ? "no guest" : named.size() + " guests")
                + " by name; add proxmox_vmid to say which, host not imported", source + ":" + host.line));
        return Optional.empty();
    }

    private void reportPlainGroups(InventoryDocument doc, String source) {
        doc.groups.values().forEach(g -> {
            if (GuestUpdater.givesTag(g.name) && !g.name.startsWith("tag_")) {
                diagnostics.add(Diagnostic.info("group '" + g.name + "' is imported as a tag of its hosts", source + ":" + g.line));
            }
        });
    }

    private String sourceName(Path file) {
        Path rel = file.startsWith(request.root()) ? request.root().relativize(file) : file.getFileName();
        return rel.toString().replace('\\', '/');
    }

    /** @return group to original name: the base's names, overridden by the file's own comments. */
    private static Map<String, String> invert(Map<String, String> map, Map<String, String> commented) {
        Map<String, String> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(v, k));
        out.putAll(commented);
        return out;
    }

}
