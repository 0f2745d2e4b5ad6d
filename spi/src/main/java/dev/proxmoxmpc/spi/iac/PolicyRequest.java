package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Input of {@link Policy#check(PolicyRequest)}.
 *
 * @param desired     the desired inventory
 * @param observed    the last observed inventory ({@link Inventory#empty()} before the first /sync)
 * @param environment the current environment's name ({@code production})
 * @param options     this rule's options from {@code .proxmox/policies.yml} ({@code max_percent: 90}), may be empty
 * @param server      reads the current environment's server; throws when there is none
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record PolicyRequest(Inventory desired, Inventory observed, String environment, Map<String, Object> options,
                            ServerReader server) {
    public PolicyRequest {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(environment, "environment");
        options = Map.copyOf(options);
        Objects.requireNonNull(server, "server");
    }

    /** Reads one API path with GET, like {@link dev.proxmoxmpc.spi.provider.ProviderSession#read}. Blocks. */
    @FunctionalInterface
    @API(status = EXPERIMENTAL, since = "1.0")
    public interface ServerReader {
        /** A reader for when no server is connected: every read throws a CONNECTION {@link ProviderException}. */
        ServerReader NONE = (path, query) -> {
            throw new ProviderException(ProviderException.Kind.CONNECTION, "not connected to a server");
        };

        /**
         * @throws ProviderException as {@link dev.proxmoxmpc.spi.provider.ProviderSession#read} does
         */
        ApiData read(String path, Map<String, String> query);
    }
}
