package dev.proxmoxmpc.plugin.testing.run;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.IpConfig;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Multi-guest checks: tcp (a port answers), anti-affinity (a tag group not all on one node), start-order. */
final class IntegrationChecks {
    private IntegrationChecks() {}

    static List<Result> run(Check c, Outcomes out, RunContext ctx) {
        return switch (c.type()) {
            case "tcp" -> List.of(tcp(c, out, ctx));
            case "anti-affinity" -> List.of(antiAffinity(c, out, ctx));
            case "start-order" -> List.of(startOrder(c, out, ctx));
            default -> throw new IllegalArgumentException("not an integration check: " + c.type());
        };
    }

    private static Result tcp(Check c, Outcomes out, RunContext ctx) {
        String name = c.text("guest");
        String field = "port " + c.text("port");
        Optional<Guest> g = ctx.observed().guests().stream().filter(x -> x.name().equals(name)).findFirst();
        if (g.isEmpty()) {
            return out.skip(name, field, "the guest is not on the server");
        }
        Optional<String> down = ctx.nodeDown(g.get().node());
        if (down.isPresent()) {
            return out.skip(name, field, down.get());
        }
        if (g.get().status() != PowerState.RUNNING) {
            return out.skip(name, field, "the guest is " + g.get().status().pve());
        }
        Optional<String> address = address(ctx.desired().guest(g.get().vmid()).orElse(g.get()), g.get());
        if (address.isEmpty()) {
            return out.skip(name, field, "no address known (no static IP, and the guest agent reported none)");
        }
        int port = (int) c.number("port", 0);
        return switch (ctx.reach().probe(address.get(), port)) {
            case OPEN -> out.pass(name, field);
            case REFUSED -> out.fail(name, field, "open on " + address.get(), "refused");
            case UNREACHABLE -> out.skip(name, field, address.get() + " is not reachable from here");
        };
    }

    /** @return the static IPv4 of the first NIC (cloud-init ipconfig0, container net ip=), else the agent's first address. */
    static Optional<String> address(Guest desired, Guest observed) {
        String ip = "";
        if (desired instanceof VirtualMachine v) {
            ip = v.ipConfigList().stream().map(IpConfig::ip).filter(s -> !s.isEmpty()).findFirst().orElse("");
        } else if (desired instanceof Container) {
            ip = desired.nics().stream().map(Nic::ip).filter(s -> !s.isEmpty()).findFirst().orElse("");
        }
        ip = ip.replaceAll("/\\d+$", "");
        if (!ip.isEmpty() && !ip.equals("dhcp") && !ip.equals("manual")) {
            return Optional.of(ip);
        }
        return observed.runtime().ipAddresses().stream().filter(a -> a.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && !a.startsWith("127."))
                .findFirst();
    }

    private static Result antiAffinity(Check c, Outcomes out, RunContext ctx) {
        String tag = c.text("tag");
        List<Guest> group = ctx.subject().guests().stream().filter(g -> !g.template() && g.tags().contains(tag)).toList();
        String target = "tag " + tag;
        if (group.size() < 2) {
            return out.skip(target, "placement", "fewer than two guests carry the tag");
        }
        TreeSet<String> nodes = new TreeSet<>();
        group.forEach(g -> nodes.add(g.node()));
        return nodes.size() > 1 ? out.pass(target, "placement")
                : out.fail(target, "placement", "spread over 2 or more nodes", "all " + group.size() + " guests on " + nodes.first());
    }

    private static Result startOrder(Check c, Outcomes out, RunContext ctx) {
        List<String> names = c.list("guests");
        int previous = -1;
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            Optional<Guest> g = ctx.subject().guests().stream().filter(x -> x.name().equals(name)).findFirst();
            if (g.isEmpty()) {
                problems.add(name + " missing");
                continue;
            }
            String order = PropertyString.parse(g.get().value("startup")).getOrEmpty("order");
            int o = order.matches("\\d+") ? Integer.parseInt(order) : -1;
            if (o < 0) {
                problems.add(name + " has no startup order");
            } else if (o < previous) {
                problems.add(name + " starts (order " + o + ") before the guest listed ahead of it (order " + previous + ")");
            } else if (!g.get().onboot()) {
                problems.add(name + " does not start at boot");
            }
            previous = Math.max(previous, o);
        }
        return problems.isEmpty() ? out.pass("start order", "")
                : out.fail("start order", "", String.join(" < ", names), String.join("; ", problems));
    }
}
