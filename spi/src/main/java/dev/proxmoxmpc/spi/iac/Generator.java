package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/**
 * Turns the desired inventory into files (Terraform, Ansible, docs, ...). Pure: no I/O, no clock, no
 * randomness; the same request gives byte-identical files, so regenerating unchanged state rewrites nothing.
 * The kernel writes the files atomically and only when their content changed. The kernel runs the generators at
 * the same time, each on its own thread (one generator's {@code generate} never twice at once): a generator keeps
 * no mutable state shared with others (static caches, shared formatters); the request's inventories and template
 * renderer are safe to share.
 */
@API(status = STABLE, since = "1.0")
public interface Generator extends ExtensionPoint {

    /** @return the generator id ({@code terraform}); also the key of its options in config.yml. */
    String id();

    /**
     * @param request the desired inventory, options and a template renderer
     * @return the files (paths relative to the project root) and diagnostics for what could not be expressed
     */
    GenerationResult generate(GenerationRequest request);
}
