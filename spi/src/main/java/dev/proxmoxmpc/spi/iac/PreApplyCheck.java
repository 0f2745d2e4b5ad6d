package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/**
 * A check {@code /apply} runs after planning and before it changes anything ({@code /test --phase plan}). An
 * error-severity diagnostic makes /apply refuse unless it is given {@code --skip-tests}; warnings are shown and
 * never block. A check that is not {@link #skippable()} runs even with {@code --skip-tests}.
 */
@API(status = EXPERIMENTAL, since = "1.0")
public interface PreApplyCheck extends ExtensionPoint {

    /** @return the check's id ({@code tests}). */
    String id();

    /**
     * Runs on the command's thread; may read files of the project and the server through the request's session,
     * never writes to the server.
     *
     * @param ctx     the kernel's services
     * @param request the desired and freshly observed state and the planned changes
     * @return what failed or warns, empty when everything passed
     */
    List<Diagnostic> check(KernelContext ctx, PreApplyRequest request);

    /**
     * @return whether {@code /apply --skip-tests} skips this check ({@code true}, the default, for tests and policies);
     *     {@code false} for a check whose failure means the apply would fail on the server anyway (missing privileges)
     */
    @API(status = EXPERIMENTAL, since = "1.1")
    default boolean skippable() {
        return true;
    }
}
