package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/**
 * Turns a project into files for somewhere else: a self-contained project others deploy ({@code project}, the
 * kernel's own), a CI pipeline, a monitoring configuration. {@code /export DIR --format ID} runs the exporter
 * whose {@link #id()} is {@code ID} and writes its files under {@code DIR}: the kernel does all writing, checks
 * every path stays inside {@code DIR}, and refuses a non-empty {@code DIR} without {@code --force}.
 *
 * <p>Like a {@link Generator}, an exporter is pure: no I/O, no clock, no randomness, called on the console's
 * thread. It never sees a secret, and must never write one.
 */
@API(status = EXPERIMENTAL, since = "1.0")
public interface Exporter extends ExtensionPoint {

    /** @return the format name ({@code project}, {@code prometheus}); lower case, unique. */
    String id();

    /** @return one line for {@code /export --help} and the plugin list. Never null. */
    default String summary() {
        return "";
    }

    /**
     * @param request the desired state, the environments (no secrets), the environment exported for, and the
     *                files every {@link Generator} writes for that environment
     * @return the files, paths relative to the export directory, and diagnostics for what could not be expressed
     */
    ExportResult export(ExportRequest request);
}
