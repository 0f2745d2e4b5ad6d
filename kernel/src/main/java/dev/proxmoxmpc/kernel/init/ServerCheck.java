package dev.proxmoxmpc.kernel.init;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Decides whether to trust the server's certificate (like ssh) and tests the connection and privileges. */
final class ServerCheck {
    /** Privileges /sync needs (read): without them init refuses. */
    static final List<String[]> READ = List.of(new String[] {"/", "Sys.Audit"}, new String[] {"/vms", "VM.Audit"},
            new String[] {"/storage", "Datastore.Audit"});
    /** Privileges /apply needs (write): without them init warns. */
    static final List<String[]> WRITE = List.of(new String[] {"/vms", "VM.Allocate"},
            new String[] {"/vms", "VM.Config.Options"}, new String[] {"/vms", "VM.PowerMgmt"},
            new String[] {"/storage", "Datastore.AllocateSpace"});

    private final Console console;
    private final InfrastructureProvider provider;

    ServerCheck(Console console, InfrastructureProvider provider) {
        this.console = console;
        this.provider = provider;
    }

    /** @return the request with the fingerprint to pin ({@code ""} with --ca-file, --insecure or no answer) */
    InitRequest trust(InitRequest r) {
        if (r.insecure()) {
            console.warn("TLS verification is off for " + r.endpoint() + " (--insecure): anyone on the path can read the token");
            return r;
        }
        if (!r.caFile().isEmpty()) {
            if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(r.caFile()))) {
                throw new CommandException("cannot read the CA file " + r.caFile() + "; nothing was saved");
            }
            return r;
        }
        if (r.skipCheck()) {
            return r; // offline set-up: the pinned fingerprint (or the system CAs) is checked on the first connection
        }
        Optional<String> seen;
        try {
            seen = provider.peekFingerprint(URI.create(r.endpoint())).map(s -> InitArgs.normalizeFingerprint(s));
        } catch (ProviderException e) {
            throw new CommandException("cannot reach " + r.endpoint() + ": " + e.getMessage() + "; nothing was saved");
        }
        if (!r.fingerprint().isEmpty()) {
            if (seen.isPresent() && !seen.get().equals(r.fingerprint())) {
                throw new CommandException("the server at " + r.endpoint() + " presents certificate " + seen.get()
                        + ", not the expected " + r.fingerprint() + "; refusing to connect (nothing was saved)");
            }
            return r;
        }
        if (seen.isEmpty()) {
            console.info("The provider cannot read the certificate; it will be verified against the system CAs.");
            return r;
        }
        if (!console.interactive()) {
            throw new CommandException("the server's certificate is not trusted yet; its SHA-256 fingerprint is "
                    + seen.get() + ": check it on the server (pvenode cert info) and pass --fingerprint " + seen.get());
        }
        console.println("The authenticity of " + r.endpoint() + " can't be established.");
        console.println("Certificate SHA-256 fingerprint: " + seen.get());
        console.println("Compare it with the output of 'pvenode cert info' on the server.");
        if (!console.confirm("Trust this certificate and pin it?")) {
            throw new CommandException("certificate not trusted; nothing was saved");
        }
        return r.withFingerprint(seen.get());
    }

    /** @return what the server says about us; refuses when read privileges are missing */
    ServerInfo probe(Endpoint endpoint, List<String> warnings) {
        return probe(endpoint, warnings, (s, i) -> { });
    }

    /**
     * @param alsoAsk what else to read over the same connection once the server answered (the cluster CA)
     * @return what the server says about us; refuses when read privileges are missing
     */
    ServerInfo probe(Endpoint endpoint, List<String> warnings, BiConsumer<ProviderSession, ServerInfo> alsoAsk) {
        ServerInfo info;
        try (ProviderSession s = provider.connect(endpoint)) {
            info = s.probe();
            alsoAsk.accept(s, info);
        } catch (ProviderException e) {
            throw new CommandException("connection test failed: " + e.getMessage() + "; nothing was saved");
        }
        List<String> missingRead = missing(info, READ);
        if (!missingRead.isEmpty()) {
            throw new CommandException(info.identity() + " lacks " + String.join(", ", missingRead)
                    + "; grant them (pveum acl modify / --roles PVEAuditor) and run /init again; nothing was saved");
        }
        List<String> missingWrite = missing(info, WRITE);
        if (!missingWrite.isEmpty()) {
            warnings.add(info.identity() + " lacks " + String.join(", ", missingWrite)
                    + ": /sync works, /apply will be refused by the server");
        }
        return info;
    }

    private static List<String> missing(ServerInfo info, List<String[]> wanted) {
        List<String> out = new ArrayList<>();
        for (String[] w : wanted) {
            if (!info.has(w[0], w[1])) {
                out.add(w[1] + " on " + w[0]);
            }
        }
        return out;
    }

    static Duration timeout() {
        return Duration.ofSeconds(30);
    }
}
