package dev.proxmoxmpc.plugin.proxmox.privilege;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A write the change executor will make, as the privilege facts name it: method, path template
 * ({@code /nodes/{node}/{type}/{vmid}/config}) and every parameter, path parameters included.
 *
 * @param method   HTTP method
 * @param template the facts' path template
 * @param params   parameters by name
 * @param change   the change's summary, to say which change needs a privilege
 */
record PlannedCall(String method, String template, Map<String, String> params, String change) {
    PlannedCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params)); // kept in order: PVE checks options in turn
        Objects.requireNonNull(change, "change");
    }

    /** @return {@code qemu} or {@code lxc} (the guest type of a guest call, else {@code qemu}) */
    String kind() {
        return params.getOrDefault("type", "qemu");
    }
}
