package dev.proxmoxmpc.plugin.terraform;

import dev.proxmoxmpc.plugin.terraform.generate.FileSet;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import org.pf4j.Extension;

/**
 * Writes the desired inventory as Terraform for the bpg/proxmox provider: {@code terraform/main.tf},
 * {@code variables.tf}, {@code outputs.tf}, {@code nodes.tf}, {@code vms/*.tf}, {@code containers/*.tf},
 * {@code networks.tf}, {@code pools.tf}, {@code imports.tf} and {@code environments/<env>.tfvars}. Pure: the same
 * request gives byte-identical files. Options ({@code generators.terraform} in config.yml):
 * {@code provider_version} (a version constraint, default {@code ~> 0.111.1}), {@code insecure} (default false).
 */
@Extension
public final class TerraformGenerator implements Generator {
    /** The generator id, also the key of its options in config.yml. */
    public static final String ID = "terraform";

    public TerraformGenerator() {
        // PF4J needs a public no-arg constructor.
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        return new FileSet(request).build();
    }
}
