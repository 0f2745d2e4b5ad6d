package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.Secrets;
import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/**
 * Turns a project into files for somewhere else: a self-contained project others deploy ({@code project}, the
 * kernel's own), a CI pipeline, a monitoring configuration. {@code /export DIR --format ID} runs the exporter
 * whose {@link #id()} is {@code ID} and writes its files under {@code DIR}: the kernel does all writing, checks
 * every path stays inside {@code DIR}, and refuses a non-empty {@code DIR} without {@code --force}.
 *
 * {@code /export DIR --ci NAME} runs the exporter {@code ci-NAME} (a CI pipeline) besides the format's, into the same
 * directory; a plugin adds a CI system by adding an exporter with such an id.
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

    /**
     * Exports with the kernel's services at hand: its template engine ({@link KernelContext#templates()}, honouring
     * the project's {@code .proxmox/templates/}), the project's settings ({@link KernelContext#config()}) and the
     * names of the variables secrets are read from ({@link Secrets#variable(String)}). The kernel calls this method;
     * the default calls {@link #export(ExportRequest)}. An exporter still writes nothing and reads no secret.
     *
     * @param request what to export, as for {@link #export(ExportRequest)}
     * @param ctx     the kernel's services, never null; called on the console's thread
     * @return the files and diagnostics, as for {@link #export(ExportRequest)}
     */
    @API(status = EXPERIMENTAL, since = "1.0")
    default ExportResult export(ExportRequest request, KernelContext ctx) {
        return export(request);
    }
}
