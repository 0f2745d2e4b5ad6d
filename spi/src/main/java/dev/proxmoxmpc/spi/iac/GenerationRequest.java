package dev.proxmoxmpc.spi.iac;

import dev.proxmoxmpc.spi.model.Inventory;
import java.util.Map;
import java.util.Objects;

/**
 * Input of a {@link Generator}.
 *
 * @param desired     the desired inventory
 * @param environment the current environment's name ({@code default})
 * @param endpoint    the environment's API URL ({@code https://pve:8006}), or {@code ""}
 * @param options     this generator's options from config.yml ({@code generators.<id>}), may be empty
 * @param templates   renders Handlebars templates, honouring the project's overrides
 * @param observed    the environment's last observed inventory, for what only the server knows (the guest-agent
 *                    addresses of {@link dev.proxmoxmpc.spi.model.GuestRuntime}); empty before the first /sync
 */
public record GenerationRequest(Inventory desired, String environment, String endpoint, Map<String, Object> options,
                                TemplateRenderer templates, Inventory observed) {
    public GenerationRequest {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(endpoint, "endpoint");
        options = Map.copyOf(options);
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(observed, "observed");
    }

    /** A request without an observed inventory (nothing synced yet). */
    public GenerationRequest(Inventory desired, String environment, String endpoint, Map<String, Object> options,
                             TemplateRenderer templates) {
        this(desired, environment, endpoint, options, templates, Inventory.empty());
    }
}
