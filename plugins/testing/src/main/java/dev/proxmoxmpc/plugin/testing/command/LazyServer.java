package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.util.Map;

/**
 * A server reader that connects on the first read (so /validate works offline until a rule needs the server) and
 * remembers a failed connection: every later read fails the same way, and those rules are skipped with the reason.
 */
final class LazyServer implements PolicyRequest.ServerReader, AutoCloseable {
    private final KernelContext ctx;
    private ProviderSession session;
    private ProviderException failed;

    LazyServer(KernelContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public synchronized ApiData read(String path, Map<String, String> query) {
        if (failed != null) {
            throw failed;
        }
        if (session == null) {
            try {
                session = ctx.connect();
            } catch (CommandException | ProviderException e) {
                failed = new ProviderException(ProviderException.Kind.CONNECTION, "cannot connect: " + e.getMessage(), e);
                throw failed;
            }
        }
        return session.read(path, query);
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
        }
    }
}
