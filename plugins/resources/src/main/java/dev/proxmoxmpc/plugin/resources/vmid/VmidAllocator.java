package dev.proxmoxmpc.plugin.resources.vmid;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the VMID of a new guest: the one given (when free), else the server's {@code /cluster/nextid} moved past
 * VMIDs other desired guests already use; when the server cannot be reached, the smallest VMID from 100 free in both
 * the observed and the desired state (said so in {@link Allocation#note()}).
 */
public final class VmidAllocator {
    private VmidAllocator() {}

    /**
     * @param vmid  the VMID chosen
     * @param note  {@code ""}, or one line on how it was chosen when the server could not be asked
     */
    public record Allocation(int vmid, String note) {}

    public static Allocation allocate(KernelContext ctx, Known known, Optional<Integer> given) {
        Set<Integer> used = known.usedVmids();
        if (given.isPresent()) {
            int id = given.get();
            if (used.contains(id)) {
                String who = known.desired().guest(id).or(() -> known.observed().guest(id))
                        .map(g -> " by " + g.name()).orElse("");
                throw new CommandException("VMID " + id + " is already used" + who + "; choose another --vmid or leave it out");
            }
            return new Allocation(id, "");
        }
        int proposed;
        try (ProviderSession session = ctx.connect()) {
            proposed = session.nextVmid();
        } catch (RuntimeException e) {
            int local = firstFree(used, Values.MIN_VMID);
            return new Allocation(local, "server not reachable (" + oneLine(e) + "); VMID " + local
                    + " chosen from the local state, /plan checks it against the server");
        }
        return new Allocation(firstFree(known.desired().guests().stream().map(g -> g.vmid())
                .collect(java.util.stream.Collectors.toSet()), Math.max(Values.MIN_VMID, proposed)), "");
    }

    /** @return the smallest VMID {@code >= from} not in {@code used}. */
    public static int firstFree(Set<Integer> used, int from) {
        int id = from;
        while (used.contains(id)) {
            id++;
        }
        if (id > Values.MAX_VMID) {
            throw new CommandException("no free VMID left");
        }
        return id;
    }

    private static String oneLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
