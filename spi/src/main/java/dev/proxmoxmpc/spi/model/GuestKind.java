package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The two kinds of guest Proxmox VE runs. */
@API(status = STABLE, since = "1.0")
public enum GuestKind {
    /** A QEMU/KVM virtual machine ({@code qemu} in the API). */
    VM("qemu"),
    /** An LXC container ({@code lxc} in the API). */
    CONTAINER("lxc");

    private final String apiType;

    GuestKind(String apiType) {
        this.apiType = apiType;
    }

    /** @return {@code qemu} or {@code lxc}. */
    public String apiType() {
        return apiType;
    }
}
