package dev.proxmoxmpc.kernel.config;

import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generator is handed as its options: its section of config.yml ({@code generators.<id>}), plus the current
 * environment's public-key pin ({@code tls.pinned_public_key}, recorded by /init) as {@code pinned_public_key} unless
 * that section sets its own, so generated scripts can check the server's key with curl's {@code --pinnedpubkey}.
 */
public final class GeneratorOptions {
    /** The option that carries the pin ({@code sha256//BASE64}). */
    public static final String PINNED_PUBLIC_KEY = "pinned_public_key";

    private GeneratorOptions() {}

    /** @return the options of generator {@code id}, with {@code pin} as {@value #PINNED_PUBLIC_KEY} when set and not overridden */
    public static Map<String, Object> of(ProjectConfig cfg, String id, String pin) {
        Map<String, Object> own = cfg.generatorOptions(id);
        if (pin.isEmpty() || own.containsKey(PINNED_PUBLIC_KEY)) {
            return own;
        }
        Map<String, Object> out = new LinkedHashMap<>(own);
        out.put(PINNED_PUBLIC_KEY, pin);
        return out;
    }

    /** @return the pin config.yml records for {@code environment}, or {@code ""} */
    public static String pin(Workspace ws, String environment) {
        ConfigDocument.EnvironmentDocument env = new ConfigStore(ws).read().environments.get(environment);
        return env == null || env.tls == null || env.tls.pinnedPublicKey == null ? "" : env.tls.pinnedPublicKey;
    }
}
