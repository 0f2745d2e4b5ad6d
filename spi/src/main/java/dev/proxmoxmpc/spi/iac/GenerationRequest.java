package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Input of a {@link Generator}.
 *
 * @param desired            the desired inventory
 * @param environment        the current environment's name ({@code default})
 * @param endpoint           the environment's API URL ({@code https://pve:8006}), or {@code ""}
 * @param options            this generator's options from config.yml ({@code generators.<id>}), may be empty
 * @param templates          renders Handlebars templates, honouring the project's overrides
 * @param observed           the environment's last observed inventory, for what only the server knows (the
 *                           guest-agent addresses of {@link dev.proxmoxmpc.spi.model.GuestRuntime}); empty before the
 *                           first /sync
 * @param containerTemplates the container templates ({@code vztmpl} volumes) each node had at the last /sync, by node
 *                           name; empty when none are known
 *
 * <p>The kernel hands generators inventories whose nodes and guests have an uptime of 0: it changes at every read, and
 * no generated file depends on it. A request equal to the last one (and files on disk as that run left them) is not
 * generated again: the kernel reports every file unchanged, with the diagnostics the generators gave then.
 */
@API(status = STABLE, since = "1.0")
public record GenerationRequest(Inventory desired, String environment, String endpoint, Map<String, Object> options,
                                TemplateRenderer templates, Inventory observed, Map<String, List<Volume>> containerTemplates) {
    public GenerationRequest {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(endpoint, "endpoint");
        options = Map.copyOf(options);
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(observed, "observed");
        TreeMap<String, List<Volume>> copy = new TreeMap<>();
        containerTemplates.forEach((node, volumes) -> copy.put(node, List.copyOf(volumes)));
        containerTemplates = Map.copyOf(copy);
    }

    /** A request without what the server reported (nothing synced yet). */
    public GenerationRequest(Inventory desired, String environment, String endpoint, Map<String, Object> options,
                             TemplateRenderer templates) {
        this(desired, environment, endpoint, options, templates, Inventory.empty(), Map.of());
    }

    /** A request without known container templates. */
    public GenerationRequest(Inventory desired, String environment, String endpoint, Map<String, Object> options,
                             TemplateRenderer templates, Inventory observed) {
        this(desired, environment, endpoint, options, templates, observed, Map.of());
    }
}
