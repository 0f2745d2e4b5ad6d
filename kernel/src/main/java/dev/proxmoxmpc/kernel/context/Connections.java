package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.kernel.secrets.ProjectSecrets;
import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds an {@link Endpoint} from an environment and its secret, and connects with its provider. */
final class Connections {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Connections() {}

    /**
     * @param cacheRoot the project's {@code .proxmox/cache/}; the session may keep answers in its subdirectory named
     *                  after the environment
     */
    static ProviderSession connect(EnvironmentConfig env, int parallelism, Secrets secrets,
                                   List<InfrastructureProvider> providers, Path cacheRoot) {
        InfrastructureProvider provider = providers.stream().filter(p -> env.provider().equals(p.id())).findFirst()
                .orElseThrow(() -> new CommandException("no provider '" + env.provider() + "' is loaded (environment '"
                        + env.name() + "'); see /plugins"));
        return provider.connect(endpoint(env, parallelism, secrets), cacheDir(cacheRoot, env));
    }

    /** @return the environment's own cache directory (environment names are checked safe when the config loads). */
    static Path cacheDir(Path cacheRoot, EnvironmentConfig env) {
        if (!ProjectConfigs.SAFE_NAME.matcher(env.name()).matches()) {
            throw new CommandException("environment name '" + env.name() + "' is not safe as a directory name");
        }
        return cacheRoot.resolve(env.name());
    }

    static Endpoint endpoint(EnvironmentConfig env, int parallelism, Secrets secrets) {
        String secret = secrets.get(env.secretName()).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new CommandException("no secret for environment '" + env.name() + "': set "
                        + (secrets instanceof ProjectSecrets ps ? ps.customVariable(env.secretName())
                                .map(v -> v + " (its secret_env in .proxmox/config.yml), ").orElse("") : "")
                        + EnvironmentSecrets.defaultVariable(env.secretName()) + " or add '" + env.secretName()
                        + ": ...' to .proxmox/secrets.yml"));
        boolean token = !env.tokenId().isEmpty();
        if (!token && env.username().isEmpty()) {
            throw new CommandException("environment '" + env.name() + "' has neither token_id nor username in .proxmox/config.yml");
        }
        return new Endpoint(env.name(), uri(env), env.tokenId(), token ? secret : "", token ? "" : env.username(),
                token ? "" : secret, new Endpoint.Tls(env.fingerprint(), env.caFile(), env.insecure()), TIMEOUT,
                Math.max(4, parallelism));
    }

    private static URI uri(EnvironmentConfig env) {
        try {
            URI uri = new URI(env.endpoint());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(env.endpoint(), "needs https://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CommandException("environment '" + env.name() + "' has a bad endpoint '" + env.endpoint()
                    + "': " + e.getReason());
        }
    }
}
