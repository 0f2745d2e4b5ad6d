package dev.proxmoxmpc.kernel.init;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A provider that answers like a small PVE server: it checks the token secret and reports privileges. */
final class FakeProvider implements InfrastructureProvider {
    static final String FINGERPRINT = String.join(":", java.util.Collections.nCopies(32, "AB"));
    static final String SECRET = "5e4f0c1a-7b2d-4e8f-9a3c-0d1e2f3a4b5c";
    static final List<String> ALL = List.of("Sys.Audit", "VM.Audit", "Datastore.Audit", "VM.Allocate",
            "VM.Config.Options", "VM.PowerMgmt", "Datastore.AllocateSpace");

    final List<Endpoint> connected = new ArrayList<>();
    final List<URI> peeked = new ArrayList<>();
    List<String> privileges = ALL;
    String fingerprint = FINGERPRINT;

    @Override
    public String id() {
        return "proxmox";
    }

    @Override
    public Optional<String> peekFingerprint(URI url) {
        peeked.add(url);
        return Optional.of(fingerprint);
    }

    @Override
    public ProviderSession connect(Endpoint endpoint) {
        connected.add(endpoint);
        return new ProviderSession() {
            @Override
            public ServerInfo probe() {
                String secret = endpoint.usesToken() ? endpoint.tokenSecret() : endpoint.password();
                if (!secret.equals(SECRET)) {
                    throw new ProviderException(ProviderException.Kind.AUTHENTICATION, "401 authentication failure");
                }
                return new ServerInfo("9.0.3", "lab", List.of("pve1", "pve2"),
                        endpoint.usesToken() ? endpoint.tokenId() : endpoint.username(), Map.of("/", privileges));
            }

            @Override
            public Inventory discover(Progress progress) {
                return Inventory.empty();
            }

            @Override
            public ChangeResult apply(Change change, Progress progress) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextVmid() {
                return 100;
            }

            @Override
            public List<TaskRecord> recentTasks() {
                return List.of();
            }

            @Override
            public void close() {}
        };
    }
}
