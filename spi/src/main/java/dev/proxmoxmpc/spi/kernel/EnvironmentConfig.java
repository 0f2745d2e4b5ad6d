package dev.proxmoxmpc.spi.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One environment (a cluster): where it is and how to reach it. Secrets are not here: the token secret or
 * password is looked up through {@link Secrets} under {@link #secretName()}.
 *
 * @param name        {@code default}, {@code production}, ...
 * @param provider    the {@link dev.proxmoxmpc.spi.provider.InfrastructureProvider} id ({@code proxmox})
 * @param endpoint    the API URL ({@code https://pve.example.com:8006})
 * @param node        the node new guests go to by default, or {@code ""}
 * @param tokenId     the API token id ({@code root@pam!mpc}), or {@code ""} for ticket auth
 * @param username    the user for ticket auth, or {@code ""}
 * @param fingerprint the pinned certificate fingerprint, or {@code ""}
 * @param caFile      a CA bundle path, or {@code ""}
 * @param insecure    skip TLS verification (warned about every run)
 * @param mapping     how the desired state's node, storage and bridge names translate onto this cluster
 */
@API(status = STABLE, since = "1.0")
public record EnvironmentConfig(String name, String provider, String endpoint, String node, String tokenId,
                                String username, String fingerprint, String caFile, boolean insecure,
                                EnvironmentMapping mapping) {
    public EnvironmentConfig {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(caFile, "caFile");
    }

    /** An environment without a mapping (the form before mappings existed). */
    public EnvironmentConfig(String name, String provider, String endpoint, String node, String tokenId,
                             String username, String fingerprint, String caFile, boolean insecure) {
        this(name, provider, endpoint, node, tokenId, username, fingerprint, caFile, insecure, EnvironmentMapping.NONE);
    }

    /**
     * @return the name under which this environment's secret is looked up: the environment variable
     *     {@code PROXMOX_MPC_<NAME>_SECRET} ({@code PROXMOX_MPC_DEFAULT_SECRET}) or the key {@code <name>} in
     *     secrets.yml
     */
    public String secretName() {
        return name;
    }
}
