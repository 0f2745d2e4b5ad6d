package dev.proxmoxmpc.plugin.testing.run;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checks about one guest: exists, config, power, storage, bridge, agent. */
final class GuestChecks {
    private GuestChecks() {}

    static List<Result> run(Check c, Outcomes out, Guest wanted, String label, RunContext ctx) {
        Inventory subject = ctx.subject();
        if (ctx.phase() == Phase.LIVE) {
            Optional<String> down = ctx.nodeDown(wanted.node());
            if (down.isPresent()) {
                return List.of(out.skip(label, field(c), down.get()));
            }
        }
        Optional<Guest> found = subject.guest(wanted.vmid());
        if (found.isEmpty()) {
            String where = ctx.phase() == Phase.PLAN ? "not in the desired state" : "missing";
            return List.of(c.type().equals("exists") ? out.fail(label, "", "on " + c.text("node"), where)
                    : out.skip(label, field(c), "the guest is " + where));
        }
        Guest g = found.get();
        return List.of(switch (c.type()) {
            case "exists" -> c.text("node").isEmpty() || c.text("node").equals(g.node()) ? out.pass(label, "")
                    : out.fail(label, "node", c.text("node"), g.node());
            case "config" -> ConfigField.compare(c.text("field"), c.text("expected"), g)
                    .map(actual -> out.fail(label, c.text("field"), c.text("expected"), actual))
                    .orElse(out.pass(label, c.text("field")));
            case "power" -> g.status().pve().equals(c.text("expected")) ? out.pass(label, "power")
                    : out.fail(label, "power", c.text("expected"), g.status().pve());
            case "storage" -> storage(c.text("storage"), g, subject, out, label);
            case "bridge" -> bridge(c.text("bridge"), g, subject, out, label);
            case "agent" -> agent(g, out, label, ctx);
            default -> throw new IllegalArgumentException("not a guest check: " + c.type());
        });
    }

    static String field(Check c) {
        return switch (c.type()) {
            case "config" -> c.text("field");
            case "storage" -> "storage " + c.text("storage");
            case "bridge" -> "bridge " + c.text("bridge");
            case "exists" -> "";
            default -> c.type();
        };
    }

    private static Result storage(String id, Guest g, Inventory inv, Outcomes out, String label) {
        Optional<Storage> s = inv.storages().stream().filter(x -> x.id().equals(id)).findFirst();
        String field = "storage " + id;
        if (s.isEmpty()) {
            return out.fail(label, field, "exists", "missing");
        }
        return s.get().availableOn(g.node()) ? out.pass(label, field)
                : out.fail(label, field, "available on " + g.node(), "only on " + String.join(",", s.get().nodes()));
    }

    private static Result bridge(String bridge, Guest g, Inventory inv, Outcomes out, String label) {
        String field = "bridge " + bridge;
        if (inv.networks().stream().noneMatch(n -> n.node().equals(g.node()))) {
            return out.skip(label, field, "the networks of node " + g.node() + " are not known");
        }
        boolean exists = inv.networks().stream().anyMatch(n -> n.node().equals(g.node()) && n.iface().equals(bridge));
        return exists ? out.pass(label, field) : out.fail(label, field, "on " + g.node(), "missing");
    }

    private static Result agent(Guest g, Outcomes out, String label, RunContext ctx) {
        if (!(g instanceof VirtualMachine v) || !v.agent()) {
            return out.fail(label, "agent", "enabled", "disabled");
        }
        if (g.status() != PowerState.RUNNING) {
            return out.skip(label, "agent", "the guest is " + g.status().pve());
        }
        String path = "/nodes/" + g.node() + "/" + (g.kind() == GuestKind.VM ? "qemu" : "lxc") + "/" + g.vmid()
                + "/agent/network-get-interfaces";
        try {
            ctx.server().read(path, Map.of());
            return out.pass(label, "agent");
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.PERMISSION || e.kind() == ProviderException.Kind.CONNECTION
                    || e.kind() == ProviderException.Kind.TIMEOUT) {
                return out.skip(label, "agent", e);
            }
            return out.fail(label, "agent", "answering", "silent (" + e.getMessage() + ")");
        }
    }
}
