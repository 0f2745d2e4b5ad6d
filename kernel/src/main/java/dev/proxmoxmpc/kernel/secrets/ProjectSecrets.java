package dev.proxmoxmpc.kernel.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.kernel.files.AtomicFiles;
import dev.proxmoxmpc.kernel.files.Yaml;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Secrets from environment variables, then from the environment's {@code secret_command}, then from
 * {@code .proxmox/secrets.yml} (a flat YAML map of name to value,
 * mode 0600). The file is created and replaced atomically with mode 0600 from its first byte; a file readable by
 * group or others is refused. Values never appear in messages, logs or {@link #toString()}.
 */
public final class ProjectSecrets implements Secrets {
    private static final ObjectMapper YAML = Yaml.mapper();
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final Function<String, String> env;
    private final Map<String, String> customVariables;
    private final Map<String, SecretCommand> commands;

    /** Where a secret comes from: what {@code /token rotate} must update. */
    public enum Source { CUSTOM_ENV, ENV, COMMAND, FILE, NONE }

    /**
     * @param file            {@code .proxmox/secrets.yml}
     * @param env             environment lookup ({@code System::getenv}; a map in tests)
     * @param customVariables secret name to an extra environment variable looked up first ({@code secret_env})
     */
    public ProjectSecrets(Path file, Function<String, String> env, Map<String, String> customVariables) {
        this(file, env, customVariables, Map.of());
    }

    /** @param commands secret name to its {@code secret_command} (and {@code secret_store_command}) */
    public ProjectSecrets(Path file, Function<String, String> env, Map<String, String> customVariables,
                          Map<String, SecretCommand> commands) {
        this.file = file;
        this.env = env;
        this.customVariables = Map.copyOf(customVariables);
        this.commands = Map.copyOf(commands);
    }

    /** @return where {@link #get} finds the secret now (without running a secret command) */
    public synchronized Source source(String name) {
        String custom = customVariables.get(name);
        if (custom != null && nonEmpty(env.apply(custom))) {
            return Source.CUSTOM_ENV;
        }
        if (nonEmpty(env.apply(SecretNames.environmentVariable(name)))) {
            return Source.ENV;
        }
        if (commands.containsKey(name)) {
            return Source.COMMAND;
        }
        return readFile().containsKey(name) ? Source.FILE : Source.NONE;
    }

    /** @return the environment's secret command, if it has one */
    public Optional<SecretCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** @return the custom environment variable configured for this secret ({@code secret_env}), if any. */
    public Optional<String> customVariable(String name) {
        return Optional.ofNullable(customVariables.get(name)).filter(v -> !v.isEmpty());
    }

    /** @return the environment variable the secret is read from: the configured {@code secret_env}, else the standard one */
    @Override
    public String variable(String name) {
        return customVariable(name).orElseGet(() -> SecretNames.environmentVariable(name));
    }

    @Override
    public synchronized Optional<String> get(String name) {
        String custom = customVariables.get(name);
        if (custom != null && nonEmpty(env.apply(custom))) {
            return Optional.of(env.apply(custom));
        }
        String fromEnv = env.apply(SecretNames.environmentVariable(name));
        if (nonEmpty(fromEnv)) {
            return Optional.of(fromEnv);
        }
        SecretCommand command = commands.get(name);
        if (command != null) {
            return Optional.of(command.run(name)); // run each time: never cached, never on disk
        }
        return Optional.ofNullable(readFile().get(name));
    }

    @Override
    public synchronized void put(String name, String value) {
        if (name == null || name.isBlank() || value == null) {
            throw new IllegalArgumentException("a secret needs a name and a value");
        }
        Map<String, String> all = new TreeMap<>(readFile());
        all.put(name, value);
        try {
            byte[] yaml = ("# proxmox-mpc secrets: keep this file mode 0600 and out of version control\n"
                    + YAML.writeValueAsString(all)).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, yaml, AtomicFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
    }

    private Map<String, String> readFile() {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        checkMode();
        try {
            Map<String, String> m = YAML.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<Map<String, String>>() {});
            return m == null ? Map.of() : m;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            // The parser's message may quote file content, i.e. a secret: never show it.
            throw new CommandException(file.getFileName() + " line " + line
                    + ": not a YAML map of names to values; fix or remove it");
        } catch (IOException e) {
            throw new CommandException("cannot read " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
    }

    private void checkMode() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(GROUP_OR_OTHER::contains)) {
                throw new CommandException(file + " is accessible by others (mode "
                        + PosixFilePermissions.toString(mode) + "); run: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new CommandException("cannot read the mode of " + file + ": " + e.getMessage());
        }
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    @Override
    public String toString() {
        return "ProjectSecrets[" + file + "]";
    }
}
