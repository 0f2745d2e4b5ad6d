package dev.proxmoxmpc.plugin.sync.merge;

import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.plugin.sync.compare.Noise;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.Map;
import java.util.TreeMap;

/** Builds a desired guest from merged fields: local's {@code mpc.*} and create-only keys, the server's noise keys. */
final class GuestBuilder {
    private GuestBuilder() {}

    static Guest build(KeyedMerge.Shape<Guest> shape, Map<String, String> fields) {
        Guest template = shape.any();
        Map<String, String> config = new TreeMap<>();
        shape.server().ifPresent(s -> s.config().forEach((k, v) -> {
            if (Noise.ignored(k) && !Noise.localOnly(k)) {
                config.put(k, v);
            }
        }));
        shape.local().ifPresent(l -> l.config().forEach((k, v) -> {
            if (Noise.localOnly(k)) {
                config.put(k, v);
            }
        }));
        fields.forEach((k, v) -> {
            if (!k.equals(Fields.NODE) && !k.equals(Fields.POOL) && !k.equals(Fields.STATUS)) {
                config.put(k, v);
            }
        });
        String status = fields.getOrDefault(Fields.STATUS, "");
        PowerState power = status.equals("running") ? PowerState.RUNNING
                : status.equals("stopped") ? PowerState.STOPPED : statusOf(template);
        return template.withConfig(config)
                .withNode(fields.getOrDefault(Fields.NODE, template.node()))
                .withPool(fields.getOrDefault(Fields.POOL, ""))
                .withStatus(power)
                .withRuntime(GuestRuntime.NONE);
    }

    private static PowerState statusOf(Guest g) {
        return Fields.desiredState(g);
    }
}
