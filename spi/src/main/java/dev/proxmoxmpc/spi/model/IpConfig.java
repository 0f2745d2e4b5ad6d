package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A cloud-init network setting {@code ipconfigN = ip=10.0.0.5/24,gw=10.0.0.1,ip6=auto}. Kept verbatim; the
 * accessors read it.
 *
 * @param index the N of {@code ipconfigN} (it configures {@code netN})
 * @param spec  the parsed property string
 */
@API(status = STABLE, since = "1.0")
public record IpConfig(int index, PropertyString spec) {
    public IpConfig {
        if (index < 0) {
            throw new IllegalArgumentException("ipconfig index must be >= 0");
        }
        Objects.requireNonNull(spec, "spec");
    }

    /** @return the config key ({@code ipconfig0}). */
    public String slot() {
        return "ipconfig" + index;
    }

    /** @return the IPv4 setting: {@code dhcp}, {@code 10.0.0.5/24}, or {@code ""}. */
    public String ip() {
        return spec.getOrEmpty("ip");
    }

    /** @return the IPv4 gateway, or {@code ""}. */
    public String gateway() {
        return spec.getOrEmpty("gw");
    }

    /** @return the IPv6 setting: {@code dhcp}, {@code auto}, {@code 2001:db8::5/64}, or {@code ""}. */
    public String ip6() {
        return spec.getOrEmpty("ip6");
    }

    /** @return the IPv6 gateway, or {@code ""}. */
    public String gateway6() {
        return spec.getOrEmpty("gw6");
    }

    /** @return whether IPv4 comes from DHCP. */
    public boolean dhcp() {
        return ip().equals("dhcp");
    }

    /** @return a copy with one option set ({@code ""} removes it). */
    public IpConfig with(String key, String value) {
        return new IpConfig(index, spec.with(key, value));
    }
}
