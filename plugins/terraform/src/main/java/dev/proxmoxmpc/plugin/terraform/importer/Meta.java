package dev.proxmoxmpc.plugin.terraform.importer;

import java.util.Set;

/** Terraform meta-arguments and top-level blocks the importer knows about. */
final class Meta {
    private Meta() {}

    /** Meta-arguments that do not describe the guest: read past silently. */
    static final Set<String> IGNORED = Set.of("depends_on", "provider", "lifecycle", "provisioner", "connection");

    /** Meta-arguments that multiply or generate a resource: it cannot be mapped to one guest. */
    static final Set<String> UNMAPPABLE = Set.of("count", "for_each", "dynamic");

    /** Top-level blocks that hold no guest and are fine to skip. */
    static final Set<String> NEUTRAL = Set.of("terraform", "provider", "variable", "locals", "output", "data", "import",
            "moved", "removed", "check");
}
