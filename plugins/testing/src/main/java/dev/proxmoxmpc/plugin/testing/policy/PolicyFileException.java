package dev.proxmoxmpc.plugin.testing.policy;

/** A policies.yml that cannot be used; the message names file, line and column ({@code .proxmox/policies.yml:7:12: ...}). */
public class PolicyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyFileException(String message) {
        super(message);
    }
}
