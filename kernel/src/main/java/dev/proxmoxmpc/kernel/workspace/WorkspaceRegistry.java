package dev.proxmoxmpc.kernel.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.proxmoxmpc.kernel.config.AtomicFiles;
import dev.proxmoxmpc.kernel.project.ProjectHost;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry of projects in {@code ~/.proxmox-mpc/workspaces.yml}: name to directory, and the current one (see
 * {@link ProjectHost#home} for where {@code ~/.proxmox-mpc} is).
 */
public final class WorkspaceRegistry {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public WorkspaceRegistry(Path file) {
        this.file = file;
    }

    /** @return the registry of the user of this run ({@code ~/.proxmox-mpc/workspaces.yml}) */
    public static WorkspaceRegistry of(KernelContext ctx) {
        return new WorkspaceRegistry(ProjectHost.home(ctx).resolve("workspaces.yml"));
    }

    public Path file() {
        return file;
    }

    /** @return every registered project, by name */
    public synchronized Map<String, Path> all() {
        Map<String, Path> out = new TreeMap<>();
        read().workspaces.forEach((k, v) -> out.put(k, Path.of(v)));
        return out;
    }

    /** @return the name of the current project, if any */
    public synchronized Optional<String> current() {
        Document d = read();
        return Optional.ofNullable(d.current).filter(d.workspaces::containsKey);
    }

    /** @return the directory of the current project, if any */
    public synchronized Optional<Path> currentPath() {
        Document d = read();
        return current().map(n -> Path.of(d.workspaces.get(n)));
    }

    /** Adds or updates a project. */
    public synchronized void register(String name, Path root) {
        Document d = read();
        d.workspaces.put(name, root.toAbsolutePath().normalize().toString());
        if (d.current == null) {
            d.current = name;
        }
        write(d);
    }

    /** @return the name a directory is registered under, if any */
    public synchronized Optional<String> nameOf(Path root) {
        String p = root.toAbsolutePath().normalize().toString();
        return read().workspaces.entrySet().stream().filter(e -> e.getValue().equals(p)).map(Map.Entry::getKey).findFirst();
    }

    /** Makes a registered project the current one. */
    public synchronized void switchTo(String name) {
        Document d = read();
        if (!d.workspaces.containsKey(name)) {
            String hint = dev.proxmoxmpc.spi.command.Suggest.closest(name, d.workspaces.keySet())
                    .map(s -> "; did you mean " + s + "?").orElse("; see /workspace list");
            throw new CommandException("no workspace named '" + name + "'" + hint);
        }
        d.current = name;
        write(d);
    }

    private Document read() {
        if (!Files.isRegularFile(file)) {
            return new Document();
        }
        try {
            Document d = YAML.readValue(Files.readString(file, StandardCharsets.UTF_8), Document.class);
            if (d == null) {
                return new Document();
            }
            if (d.workspaces == null) {
                d.workspaces = new TreeMap<>();
            }
            return d;
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr() : 0;
            throw new CommandException(file + " line " + line + ": cannot be read (" + e.getClass().getSimpleName()
                    + "); fix or remove it");
        }
    }

    private void write(Document d) {
        try {
            AtomicFiles.write(file, YAML.writeValueAsString(d).getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The file's shape. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Document {
        public String current;
        public Map<String, String> workspaces = new TreeMap<>();
    }
}
