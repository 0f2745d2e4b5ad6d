package dev.proxmoxmpc.kernel.config;

import dev.proxmoxmpc.kernel.secrets.SecretCommand;
import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.kernel.config.ConfigDocument.EnvironmentDocument;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.EnvironmentMapping;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a {@link ConfigDocument} and maps it to the SPI's {@link ProjectConfig}. */
public final class ProjectConfigs {
    /** Names of environments, workspaces and the like: no path separators, no dots first. */
    public static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Set<String> POLICIES = Set.of("prefer-server", "prefer-local", "ask");
    private static final List<String> BACKENDS = List.of("sqlite", "postgresql");

    private ProjectConfigs() {}

    static LoadedConfig validate(ConfigDocument doc, ConfigProblems problems) {
        if (doc.environments == null || doc.environments.isEmpty()) {
            throw problems.at("environments", "must define at least one environment");
        }
        Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
        Map<String, String> secretEnvs = new LinkedHashMap<>();
        Map<String, SecretCommand> secretCommands = new LinkedHashMap<>();
        doc.environments.forEach((name, e) -> {
            if (e.secretCommand != null && !e.secretCommand.isBlank()) {
                secretCommands.put(name, new SecretCommand(e.secretCommand, e.secretStoreCommand == null ? ""
                        : e.secretStoreCommand, SecretCommand.DEFAULT_TIMEOUT));
            } else if (e.secretStoreCommand != null && !e.secretStoreCommand.isBlank()) {
                throw problems.at("environments." + name + ".secret_store_command", "needs a secret_command beside it");
            }
            envs.put(name, environment(name, e, problems));
            if (e.secretEnv != null && !e.secretEnv.isEmpty()) {
                secretEnvs.put(name, e.secretEnv);
            }
        });
        String current = nz(doc.currentEnvironment);
        if (!envs.containsKey(current)) {
            String hint = Suggest.closest(current, envs.keySet()).map(s -> "; did you mean '" + s + "'?")
                    .orElse("; defined: " + String.join(", ", envs.keySet()));
            throw problems.at("current_environment", "names no environment '" + current + "'" + hint);
        }
        ConfigDocument.SyncDocument sync = doc.sync == null ? new ConfigDocument.SyncDocument() : doc.sync;
        if (!POLICIES.contains(nz(sync.conflictPolicy))) {
            throw problems.at("sync.conflict_policy", "must be prefer-server, prefer-local or ask, got '"
                    + sync.conflictPolicy + "'");
        }
        if (sync.parallelism < 1 || sync.parallelism > 64) {
            throw problems.at("sync.parallelism", "must be between 1 and 64, got " + sync.parallelism);
        }
        Map<String, Map<String, Object>> generators = new LinkedHashMap<>();
        if (doc.generators != null) {
            doc.generators.forEach((id, opts) -> generators.put(id, opts == null ? Map.of() : Map.copyOf(opts)));
        }
        ProjectConfig project = new ProjectConfig(current, envs, sync.conflictPolicy, sync.parallelism, generators);
        return new LoadedConfig(project, state(doc.state, problems), secretEnvs, secretCommands);
    }

    private static EnvironmentConfig environment(String name, EnvironmentDocument e, ConfigProblems problems) {
        String at = "environments." + name;
        if (!SAFE_NAME.matcher(name).matches()) {
            throw problems.at(at, "is not a safe name (letters, digits, '.', '_', '-')");
        }
        if (e == null) {
            throw problems.at(at, "needs at least an endpoint");
        }
        String endpoint = nz(e.endpoint);
        if (endpoint.isEmpty()) {
            throw problems.at(at + ".endpoint", "is missing (https://host:8006)");
        }
        try {
            URI u = URI.create(endpoint);
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException ex) {
            throw problems.at(at + ".endpoint", "must be a URL like https://pve.example.com:8006, got '" + endpoint + "'");
        }
        ConfigDocument.TlsDocument tls = e.tls == null ? new ConfigDocument.TlsDocument() : e.tls;
        int modes = (nz(tls.fingerprint).isEmpty() ? 0 : 1) + (nz(tls.caFile).isEmpty() ? 0 : 1) + (tls.insecure ? 1 : 0);
        if (modes > 1) {
            throw problems.at(at + ".tls", "must set only one of fingerprint, ca_file, insecure");
        }
        if (nz(e.tokenId).isEmpty() == nz(e.username).isEmpty()) {
            throw problems.at(at, "needs exactly one of token_id and username");
        }
        String provider = nz(e.provider).isEmpty() ? "proxmox" : e.provider;
        ConfigDocument.MapDocument m = e.map == null ? new ConfigDocument.MapDocument() : e.map;
        EnvironmentMapping mapping = new EnvironmentMapping(nn(m.nodes), nn(m.storages), nn(m.bridges), nn(m.subnets),
                nn(m.ostemplates));
        return new EnvironmentConfig(name, provider, endpoint, nz(e.node), nz(e.tokenId), nz(e.username),
                nz(tls.fingerprint), nz(tls.caFile), tls.insecure, mapping);
    }

    private static StateBackendConfig state(ConfigDocument.StateDocument s, ConfigProblems problems) {
        if (s == null) {
            return StateBackendConfig.sqlite();
        }
        String backend = nz(s.backend).isEmpty() ? "sqlite" : s.backend;
        if (!BACKENDS.contains(backend)) {
            String hint = Suggest.closest(backend, BACKENDS).map(x -> "; did you mean '" + x + "'?").orElse("");
            throw problems.at("state.backend", "must be sqlite or postgresql, got '" + backend + "'" + hint);
        }
        if (backend.equals("postgresql") && !nz(s.url).startsWith("jdbc:postgresql:")) {
            throw problems.at("state.url", "must be a jdbc:postgresql://host:5432/db URL for the postgresql backend");
        }
        if (!nz(s.passwordEnv).isEmpty() && !nz(s.passwordEnv).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw problems.at("state.password_env", "must be the name of an environment variable");
        }
        return new StateBackendConfig(backend, nz(s.url), nz(s.user), nz(s.schema), nz(s.passwordEnv));
    }

    private static Map<String, String> nn(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(nz(k), nz(v)));
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
