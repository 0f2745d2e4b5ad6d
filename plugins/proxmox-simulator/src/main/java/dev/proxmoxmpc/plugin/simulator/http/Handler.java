package dev.proxmoxmpc.plugin.simulator.http;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;

/** One API method: the parameters are validated and the caller's permissions checked before it runs. */
@FunctionalInterface
public interface Handler {
    /**
     * @return the {@code data} value (map, list, string, number, {@code null}) or an {@link Envelope}
     * @throws ApiException for an error the API answers
     */
    Object handle(ApiRequest request);
}
