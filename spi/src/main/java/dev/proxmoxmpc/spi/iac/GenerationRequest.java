package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.model.Inventory;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Input of a {@link Generator}.
 *
 * @param desired     the desired inventory
 * @param environment the current environment's name ({@code default})
 * @param endpoint    the environment's API URL ({@code https://pve:8006}), or {@code ""}
 * @param options     this generator's options from config.yml ({@code generators.<id>}), may be empty
 * @param templates   renders Handlebars templates, honouring the project's overrides
 */
@API(status = STABLE, since = "1.0")
public record GenerationRequest(Inventory desired, String environment, String endpoint, Map<String, Object> options,
                                TemplateRenderer templates) {
    public GenerationRequest {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(endpoint, "endpoint");
        options = Map.copyOf(options);
        Objects.requireNonNull(templates, "templates");
    }
}
