package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the {@code workspace} commands share: Tab candidates, name and path checks. */
final class Workspaces {
    private Workspaces() {}

    /** Tab: the registered workspaces (switch, and a clone's source), only in the first position. */
    static final class Names implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return request.positional(0).isEmpty() ? new ArrayList<>(WorkspaceRegistry.of(ctx).all().keySet()) : List.of();
        }
    }

    /** @return the real path when it exists (so links and relative spellings compare equal), else the normalised one */
    static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** @throws UsageException for a name that is not a safe file name */
    static String safeName(String name) {
        if (!ProjectConfigs.SAFE_NAME.matcher(name).matches()) {
            throw new UsageException("unsafe name '" + name + "': use letters, digits, '.', '_' and '-' (no '/' or '..')");
        }
        return name;
    }
}
