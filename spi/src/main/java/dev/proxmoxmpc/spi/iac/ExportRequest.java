package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What an {@link Exporter} exports.
 *
 * @param desired      the desired state (never the observed state)
 * @param environment  the environment the export is for ({@code production})
 * @param environments every environment of the project, in config order; they carry no secret
 * @param generated    the files every {@link Generator} writes for {@code environment}, by path
 * @param options      exporter options from the command line ({@code --option key=value}), never null
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record ExportRequest(Inventory desired, String environment, List<EnvironmentConfig> environments,
                            Map<String, String> generated, Map<String, String> options) {
    public ExportRequest {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(environment, "environment");
        environments = List.copyOf(environments);
        generated = Map.copyOf(generated);
        options = Map.copyOf(options);
    }
}
