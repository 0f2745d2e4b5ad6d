package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.plugin.sync.plan.Planner;
import dev.proxmoxmpc.plugin.sync.plan.VmidCollisions;
import dev.proxmoxmpc.plugin.sync.environment.ContainerTemplates;
import dev.proxmoxmpc.plugin.sync.environment.MappedDesired;
import dev.proxmoxmpc.plugin.sync.environment.TargetChecks;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The plan for the current environment, as /plan and /apply make it: the desired state translated by the
 * environment's mapping, container templates chosen on its cluster, missing nodes, storages and bridges reported
 * before any write, and, for an environment never synced, nothing deleted: what the server has and the desired
 * state lacks is listed as unmanaged instead.
 *
 * @param desired the desired state as this environment sees it (what /apply leads to)
 * @param plan    the plan
 */
record EnvironmentPlan(Inventory desired, Plan plan) {

    /** @param session the live session, or null for an offline plan (no template lookup) */
    static EnvironmentPlan make(KernelContext ctx, ProviderSession session, Inventory stored, Inventory observed) {
        return make(ctx, session, stored, observed, null);
    }

    /**
     * @param base the base inventory (or one cut down with the others, see {@code LocalPending.planInputs}); null to
     *             load it from the state store when needed
     */
    static EnvironmentPlan make(KernelContext ctx, ProviderSession session, Inventory stored, Inventory observed, Inventory base) {
        Inventory[] loaded = {base};
        Supplier<Inventory> baseState = () -> {
            if (loaded[0] == null) {
                loaded[0] = ctx.state().load(StateKind.BASE);
            }
            return loaded[0];
        };
        EnvironmentConfig env = ctx.config().environment();
        Inventory desired = MappedDesired.apply(stored, env.mapping());
        // a node that is down shows none of its storages, bridges or templates, and its guests are not planned until
        // it is back (the planner says so): only the guests to create elsewhere are checked and given templates
        Set<String> unreachable = observed.nodes().stream().filter(n -> n.status().equals("offline") || n.status().equals("unknown"))
                .map(Node::name).collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> creating = desired.guests().stream().filter(g -> !unreachable.contains(g.node())).map(Guest::vmid)
                .filter(id -> observed.guest(id).isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        List<Diagnostic> extra = new ArrayList<>();
        if (session != null && desired.guests().stream().anyMatch(g -> g instanceof Container && creating.contains(g.vmid()))) {
            ContainerTemplates.Chosen chosen = ContainerTemplates.choose(desired, creating, templates(session, observed, desired),
                    env.mapping(), env.name());
            desired = chosen.desired();
            extra.addAll(chosen.diagnostics());
        }
        extra.addAll(TargetChecks.check(desired, observed, creating, env.name()));
        Plan plan = VmidCollisions.checked(Planner.withSystemEnv().plan(desired, observed), baseState.get(),
                desired, observed);
        if (neverSynced(ctx, observed, baseState.get())) {
            plan = keepUnseen(plan, extra, item -> false, env.mapping().isEmpty() ? " (/sync adopts it)" : "");
        } else if (!env.mapping().isEmpty()) {
            // a mapped environment deletes only guests it agreed to at its last /sync (what the desired state deployed
            // there); what only its server has, and its own networks and pools, are unmanaged
            Inventory agreed = baseState.get();
            plan = keepUnseen(plan, extra, item -> (item.ref().type() == ResourceRef.Type.VM
                    || item.ref().type() == ResourceRef.Type.CONTAINER) && agreed.guest(Integer.parseInt(item.ref().id())).isPresent(), "");
        }
        List<Diagnostic> diags = new ArrayList<>(extra);
        diags.addAll(plan.diagnostics());
        return new EnvironmentPlan(desired, new Plan(plan.items(), diags));
    }

    private static boolean neverSynced(KernelContext ctx, Inventory observed, Inventory base) {
        return !ThreeWayMerge.blank(observed) && ThreeWayMerge.blank(base)
                && ctx.state().lastSyncRun().isEmpty();
    }

    /** @return the plan without the deletes {@code managed} refuses: the desired state never had them: unmanaged */
    private static Plan keepUnseen(Plan plan, List<Diagnostic> notes, Predicate<PlanItem> managed, String hint) {
        List<PlanItem> kept = new ArrayList<>();
        for (PlanItem item : plan.items()) {
            if (item.kind() == PlanItem.Kind.DELETE && !managed.test(item)) {
                notes.add(Diagnostic.info("unmanaged: on the server, not in the desired state; left alone" + hint,
                        item.label()));
            } else {
                kept.add(item);
            }
        }
        return new Plan(kept, plan.diagnostics());
    }

    private static Map<String, List<Volume>> templates(ProviderSession session, Inventory observed, Inventory desired) {
        Map<String, List<Volume>> out = new TreeMap<>();
        Set<String> nodes = desired.guests().stream().filter(g -> g instanceof Container).map(Guest::node)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String node : nodes) {
            List<Volume> volumes = new ArrayList<>();
            for (Storage s : observed.storages()) {
                String content = s.config().getOrDefault("content", "");
                String only = s.config().getOrDefault("nodes", "");
                if (content.contains("vztmpl") && (only.isEmpty() || List.of(only.split(",")).contains(node))) {
                    try {
                        volumes.addAll(session.volumes(node, s.id(), "vztmpl", ReadPolicy.LIVE));
                    } catch (ProviderException e) {
                        // a storage not on this node, or not active: no templates from it
                    }
                }
            }
            out.put(node, volumes);
        }
        return out;
    }
}
