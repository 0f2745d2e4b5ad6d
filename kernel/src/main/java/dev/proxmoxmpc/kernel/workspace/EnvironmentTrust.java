package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.Fingerprints;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.net.URI;
import java.util.Optional;

/**
 * Trust on first use for {@code environment add}, as /init does: with no --fingerprint, --ca-file or --insecure on a
 * terminal, show the server certificate's fingerprint and pin it once the user agrees. Given a fingerprint, check
 * the server presents it. In batch mode without one, nothing is asked (the system CAs apply, with a warning).
 */
final class EnvironmentTrust {
    private EnvironmentTrust() {}

    static EnvironmentAddOptions pin(KernelContext ctx, EnvironmentAddOptions o) {
        if (o.insecure() || !o.caFile().isEmpty() || (o.fingerprint().isEmpty() && !ctx.console().interactive())) {
            return o;
        }
        Optional<InfrastructureProvider> provider = ctx.extensions(InfrastructureProvider.class).stream()
                .filter(p -> p.id().equals(o.provider())).findFirst();
        if (provider.isEmpty()) {
            return o;
        }
        Optional<String> seen;
        try {
            seen = provider.get().peekFingerprint(URI.create(o.endpoint())).map(Fingerprints::normalize);
        } catch (ProviderException e) {
            if (!o.fingerprint().isEmpty()) {
                return o; // not reachable now: the pinned fingerprint is checked on the first connection
            }
            throw new CommandException("cannot reach " + o.endpoint() + " to read its certificate: " + e.getMessage()
                    + "; pass --fingerprint FP (pvenode cert info on the server); nothing was saved");
        }
        if (seen.isEmpty()) {
            return o;
        }
        if (!o.fingerprint().isEmpty()) {
            if (!seen.get().equals(o.fingerprint())) {
                throw new CommandException("the server at " + o.endpoint() + " presents certificate " + seen.get()
                        + ", not the expected " + o.fingerprint() + "; nothing was saved");
            }
            return o;
        }
        ctx.console().println("The authenticity of " + o.endpoint() + " can't be established.");
        ctx.console().println("Certificate SHA-256 fingerprint: " + seen.get());
        ctx.console().println("Compare it with the output of 'pvenode cert info' on the server.");
        if (!ctx.console().confirm("Trust this certificate and pin it?")) {
            throw new CommandException("certificate not trusted; nothing was saved");
        }
        return o.withFingerprint(seen.get());
    }
}
