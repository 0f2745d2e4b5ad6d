package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/** Builds an {@link Endpoint} from an environment and its secret, and connects with its provider. */
final class Connections {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Connections() {}

    static ProviderSession connect(EnvironmentConfig env, int parallelism, Secrets secrets,
                                   List<InfrastructureProvider> providers) {
        InfrastructureProvider provider = providers.stream().filter(p -> env.provider().equals(p.id())).findFirst()
                .orElseThrow(() -> new CommandException("no provider '" + env.provider() + "' is loaded (environment '"
                        + env.name() + "'); see /plugins"));
        return provider.connect(endpoint(env, parallelism, secrets));
    }

    static Endpoint endpoint(EnvironmentConfig env, int parallelism, Secrets secrets) {
        String secret = secrets.get(env.secretName()).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new CommandException("no secret for environment '" + env.name() + "': set "
                        + EnvironmentSecrets.variable(env.secretName()) + " or add '" + env.secretName()
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
