package dev.proxmoxmpc.kernel.config;

import dev.proxmoxmpc.spi.command.Suggest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code .proxmox/config.yml}. Every problem becomes a one-line {@link ConfigException} naming
 * the file, the line and the key; writing is atomic, so a failed write leaves the old file intact.
 */
public final class ConfigStore {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private final Path file;
    private final String shownName;

    public ConfigStore(Workspace workspace) {
        this.file = workspace.configFile();
        this.shownName = workspace.root().relativize(file).toString();
    }

    /** @return the parsed and validated config */
    public LoadedConfig load() {
        ConfigDocument doc = read();
        return ProjectConfigs.validate(doc, new ConfigProblems(shownName, text()));
    }

    /** @return the file as a document, for editing; validated first so a broken file is never rewritten */
    public ConfigDocument read() {
        String text = text();
        if (text.isBlank()) {
            throw new ConfigException(shownName + " is empty; run /init --force to write a new one");
        }
        try {
            ConfigDocument doc = YAML.readValue(text, ConfigDocument.class);
            ProjectConfigs.validate(doc, new ConfigProblems(shownName, text));
            return doc;
        } catch (UnrecognizedPropertyException e) {
            throw unknownKey(e);
        } catch (InvalidFormatException e) {
            throw new ConfigException(where(e) + "'" + path(e) + "' must be " + typeName(e.getTargetType())
                    + ", got '" + e.getValue() + "'");
        } catch (MismatchedInputException e) {
            throw new ConfigException(where(e) + "'" + path(e) + "' must be " + typeName(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(where(e) + "YAML syntax error: " + oneLine(problem(e)));
        } catch (IOException e) {
            throw new ConfigException("cannot read " + shownName + ": " + e.getMessage());
        }
    }

    /** Validates {@code doc} and replaces the file atomically. */
    public void write(ConfigDocument doc) {
        ProjectConfigs.validate(doc, new ConfigProblems(shownName, ""));
        try {
            String yaml = "# proxmox-mpc project config. Secrets never go here: they live in environment variables\n"
                    + "# (PROXMOX_MPC_<ENVIRONMENT>_SECRET) or .proxmox/secrets.yml.\n" + YAML.writeValueAsString(doc);
            AtomicFiles.write(file, yaml.getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new ConfigException("cannot write " + shownName + ": " + e.getMessage());
        }
    }

    private String text() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("no " + shownName + " here; run /init first");
        } catch (IOException e) {
            throw new ConfigException("cannot read " + shownName + ": " + e.getMessage());
        }
    }

    private ConfigException unknownKey(UnrecognizedPropertyException e) {
        if (e.getPropertyName().toLowerCase(java.util.Locale.ROOT).matches(".*(secret|password|passwd).*")) {
            return new ConfigException(where(e) + "'" + path(e) + "' looks like a secret, and secrets never go in "
                    + shownName + ": remove it and set PROXMOX_MPC_<ENVIRONMENT>_SECRET or put it in .proxmox/secrets.yml");
        }
        List<String> known = e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.toList());
        String hint = Suggest.closest(e.getPropertyName(), known).map(s -> "; did you mean '" + s + "'?")
                .orElse("; known keys: " + String.join(", ", known));
        return new ConfigException(where(e) + "unknown key '" + path(e) + "'" + hint);
    }

    private String where(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return shownName + ": ";
        }
        return shownName + " line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
    }

    private static String path(MismatchedInputException e) {
        List<String> parts = new ArrayList<>();
        for (var ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return String.join(".", parts);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.getName().contains("Document")) {
            return "a mapping of keys";
        }
        return "a " + type.getSimpleName();
    }

    private static String problem(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException m
                && m.getProblem() != null) {
            return m.getProblem();
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
                return m.getProblem();
            }
        }
        return e.getOriginalMessage();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
