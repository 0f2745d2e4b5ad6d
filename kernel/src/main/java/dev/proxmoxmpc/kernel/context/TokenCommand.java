package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.kernel.secrets.ProjectSecrets;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.TokenRotation;
import dev.proxmoxmpc.spi.state.AuditEntry;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code /token rotate}: gives the current environment's API token a new secret on the server (PVE 9's
 * {@code PUT /access/users/{user}/token/{id}} with {@code regenerate=1}: same id, same ACLs), checks it with a call,
 * and stores it where the old one came from: {@code .proxmox/secrets.yml}, or the {@code secret_store_command}. A
 * secret read from an environment variable (or a secret_command without a store command) cannot be updated from here:
 * the new one is shown once on the terminal, never logged, with where to put it.
 */
@Command(name = "token", description = "Rotate the API token's secret (same token id and permissions, new secret)",
        footer = {"/token rotate"})
public final class TokenCommand implements ConsoleCommand {
    @Parameters(paramLabel = "ACTION", completionCandidates = Actions.class, description = "rotate")
    private String action;

    /** Tab: the one action. */
    static final class Actions extends FixedCandidates {
        Actions() {
            super("rotate");
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        if (!"rotate".equals(action)) {
            throw new UsageException("unknown action '" + action + "': use /token rotate");
        }
        EnvironmentConfig env = ctx.config().environment();
        if (env.tokenId().isEmpty()) {
            throw new UsageException("environment '" + env.name() + "' logs in with a user and password, not an API token:"
                    + " there is no token secret to rotate");
        }
        Secrets all = ctx.secrets();
        if (all instanceof EnvironmentSecrets layered) {
            all = layered.project(); // it reads the same PROXMOX_MPC_<ENV>_SECRET variable first, and tells where from
        }
        if (!(all instanceof ProjectSecrets secrets)) {
            throw new CommandException("this project's secrets cannot tell where the token secret comes from");
        }
        ProjectSecrets.Source source = secrets.source(env.secretName());
        if (!ctx.console().confirm("Give " + env.tokenId() + " on '" + env.name() + "' a new secret? Everything using the"
                + " old one loses access at once.")) {
            return CommandResult.failure("token rotation cancelled; nothing was changed (in batch mode pass --yes)");
        }
        String fresh = regenerate(ctx, env);
        String verified = verify(ctx, env, fresh);
        String stored = TokenSecretStore.store(ctx.console(), secrets, source, env, fresh);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), env.tokenId(), "token rotate", "token/" + env.tokenId(),
                "ok (" + verified + "; " + stored + ")", 0));
        ctx.console().success("Rotated the secret of " + env.tokenId() + ": " + verified + "; " + stored + ".");
        return CommandResult.ok();
    }

    private static String regenerate(KernelContext ctx, EnvironmentConfig env) {
        try (ProviderSession session = ctx.connect()) {
            if (!(session instanceof TokenRotation rotation)) {
                throw new CommandException("provider '" + env.provider() + "' cannot rotate API token secrets");
            }
            return rotation.regenerateToken(env.tokenId());
        } catch (ProviderException e) {
            throw new CommandException("the server refused to regenerate " + env.tokenId() + ": " + e.getMessage()
                    + " (the old secret still works). PVE lets a token regenerate itself only with User.Modify on its"
                    + " user's group (/access/groups); or rotate it as root@pam or as the user itself (password login)", e);
        }
    }

    /** @return what the check found: one call ({@code GET /version}, the permissions) with the new secret */
    private static String verify(KernelContext ctx, EnvironmentConfig env, String fresh) {
        Secrets only = new Secrets() {
            @Override
            public Optional<String> get(String name) {
                return Optional.of(fresh);
            }

            @Override
            public void put(String name, String value) {
                throw new UnsupportedOperationException("read-only");
            }
        };
        InfrastructureProvider provider = ctx.extensions(InfrastructureProvider.class).stream()
                .filter(p -> p.id().equals(env.provider())).findFirst()
                .orElseThrow(() -> new CommandException("no provider '" + env.provider() + "' is loaded"));
        try (ProviderSession session = provider.connect(Connections.endpoint(env, 1, only))) {
            session.probe();
            return "the new secret works";
        } catch (ProviderException e) {
            ctx.console().warn("the new secret did not work at once (" + e.getMessage() + "); it is stored anyway:"
                    + " the old one no longer works");
            return "the new secret could not be verified";
        }
    }
}
