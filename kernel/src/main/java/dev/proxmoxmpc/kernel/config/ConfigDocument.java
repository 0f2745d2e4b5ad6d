package dev.proxmoxmpc.kernel.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The YAML shape of {@code .proxmox/config.yml}, field for field. Mutable on purpose: it is the editing model of
 * the file ({@code environment add}, {@code /init}); {@link ProjectConfigs} turns it into the SPI's records.
 * Never holds a secret.
 */
@JsonPropertyOrder({"current_environment", "environments", "generators", "sync", "state"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class ConfigDocument {
    @JsonProperty("current_environment")
    public String currentEnvironment = "default";

    public Map<String, EnvironmentDocument> environments = new LinkedHashMap<>();

    /** Options per generator id, passed to generators as they are. */
    public Map<String, Map<String, Object>> generators = new LinkedHashMap<>();

    public SyncDocument sync = new SyncDocument();

    public StateDocument state = new StateDocument();

    /** One environment (the map key is its name). */
    @JsonPropertyOrder({"provider", "endpoint", "node", "token_id", "username", "secret_env", "secret_command",
            "secret_store_command", "tls", "map", "require_approval"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static final class EnvironmentDocument {
        public String provider = "proxmox";
        public String endpoint = "";
        public String node = "";
        @JsonProperty("token_id")
        public String tokenId = "";
        public String username = "";
        /** The name of an environment variable holding the secret (never the secret itself). */
        @JsonProperty("secret_env")
        public String secretEnv = "";
        /** A command printing the secret on its first line ({@code vault kv get -field=secret kv/pve}). */
        @JsonProperty("secret_command")
        public String secretCommand = "";
        /** A command storing a new secret read from stdin ({@code /token rotate}); optional. */
        @JsonProperty("secret_store_command")
        public String secretStoreCommand = "";
        public TlsDocument tls = new TlsDocument();
        /** Names of the desired state translated onto this cluster ({@code environment map}). */
        public MapDocument map;
        /** {@code true}: /apply takes only a saved plan that carries an approval ({@code /approve}); absent means false. */
        @JsonProperty("require_approval")
        public Boolean requireApproval;
    }

    /** An environment's mapping: FROM (desired state) to TO (this cluster), per kind. */
    @JsonPropertyOrder({"nodes", "storages", "bridges", "subnets", "ostemplates"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static final class MapDocument {
        public Map<String, String> nodes = new TreeMap<>();
        public Map<String, String> storages = new TreeMap<>();
        public Map<String, String> bridges = new TreeMap<>();
        public Map<String, String> subnets = new TreeMap<>();
        public Map<String, String> ostemplates = new TreeMap<>();
    }

    /** How the server certificate is verified: one of the three, or none for the system CAs. */
    @JsonPropertyOrder({"fingerprint", "pinned_public_key", "ca_file", "insecure"})
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public static final class TlsDocument {
        public String fingerprint = "";
        /** The pinned certificate's key as curl's {@code --pinnedpubkey} takes it ({@code sha256//BASE64}), for scripts. */
        @JsonProperty("pinned_public_key")
        public String pinnedPublicKey = "";
        @JsonProperty("ca_file")
        public String caFile = "";
        public boolean insecure;
    }

    /** Sync policy. */
    @JsonPropertyOrder({"conflict_policy", "parallelism"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public static final class SyncDocument {
        @JsonProperty("conflict_policy")
        public String conflictPolicy = "prefer-server";
        public int parallelism = 4;
    }

    /**
     * Where state lives. The PostgreSQL password is read from the variable {@code password_env} names, else the
     * secret {@code postgresql}.
     */
    @JsonPropertyOrder({"backend", "url", "user", "schema", "password_env"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static final class StateDocument {
        public String backend = "sqlite";
        public String url = "";
        public String user = "";
        public String schema = "";
        /** The name of an environment variable holding the PostgreSQL password (never the password itself). */
        @JsonProperty("password_env")
        public String passwordEnv = "";
    }
}
