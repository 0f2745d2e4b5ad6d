package dev.proxmoxmpc.spi.command;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.Iterator;
import java.util.List;

/**
 * Tab candidates only the running system knows (VMIDs, guest names, nodes, ISO files): name the class in an option's
 * or positional's {@code completionCandidates}. The kernel makes one with its no-argument constructor and asks it,
 * on the console thread, for the values of the word being typed; the console filters them by that word. Fixed
 * choices need no class: an enum type completes its constants, and a plain {@code Iterable<String>} class in
 * {@code completionCandidates} is listed as is.
 *
 * <p>Must be fast: local state, or a server read through {@code ProviderSession} with {@code ReadPolicy.CACHED}
 * bounded by a short wait, never an unbounded network call. Never prints; a thrown exception completes nothing.
 */
public interface Candidates extends Iterable<String> {

    /**
     * @param ctx     the kernel's services
     * @param request what is being completed, and what was typed before it
     * @return the candidate values (not filtered; never null)
     */
    List<String> candidates(KernelContext ctx, CompletionRequest request);

    /** picocli's own view: no fixed values (the kernel asks {@link #candidates} instead). */
    @Override
    default Iterator<String> iterator() {
        return List.<String>of().iterator();
    }
}
