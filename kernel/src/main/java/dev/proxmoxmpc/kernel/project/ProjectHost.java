package dev.proxmoxmpc.kernel.project;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the workspace commands need from the kernel beyond the SPI: the run's environment variables, the user's
 * {@code ~/.proxmox-mpc}, and switching the session to another project. The kernel's context implements it; under
 * another context (unit tests) the process's environment and {@code user.home} are used.
 */
public interface ProjectHost {

    /** @return the environment variables of this run */
    Map<String, String> environment();

    /** @return {@code ~/.proxmox-mpc} of this run */
    Path mpcHome();

    /** Makes later commands of this session act on the project in {@code root}. */
    void useWorkspace(Path root);

    /** @return the host behind {@code ctx}, if the context is the kernel's */
    static Optional<ProjectHost> of(KernelContext ctx) {
        return ctx instanceof ProjectHost h ? Optional.of(h) : Optional.empty();
    }

    /** @return an environment variable of this run ({@code System.getenv} outside the kernel) */
    static String env(KernelContext ctx, String name) {
        return of(ctx).map(h -> h.environment().get(name)).orElseGet(() -> System.getenv(name));
    }

    /** @return {@code ~/.proxmox-mpc}: the kernel's, else {@code -Dproxmox-mpc.user-dir}, else {@code ${user.home}/.proxmox-mpc} */
    static Path home(KernelContext ctx) {
        return of(ctx).map(ProjectHost::mpcHome).orElseGet(() -> {
            String override = System.getProperty("proxmox-mpc.user-dir");
            return override != null && !override.isBlank() ? Path.of(override)
                    : Path.of(System.getProperty("user.home"), ".proxmox-mpc");
        });
    }
}
