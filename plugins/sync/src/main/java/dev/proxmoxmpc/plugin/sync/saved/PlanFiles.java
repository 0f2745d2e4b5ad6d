package dev.proxmoxmpc.plugin.sync.saved;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.proxmoxmpc.spi.command.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes saved plan files. Writing is deterministic (fixed field order, maps sorted by key, two-space
 * indent, one trailing newline) and atomic; the hash is the SHA-256 of the body's compact canonical JSON, so any
 * edit of a value changes it while re-indenting the file does not.
 */
public final class PlanFiles {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PlanFiles() {}

    /** @return the hex SHA-256 of the body's canonical JSON */
    public static String hash(SavedPlan.Body body) {
        try {
            return sha256(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan body always serializes", e);
        }
    }

    /** @return the hex SHA-256 of a text's UTF-8 bytes */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the file's text */
    public static String render(SavedPlan plan) {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pretty).writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan always serializes", e);
        }
    }

    /**
     * @return the plan document as plain JDK maps, lists and values (what {@code /show --json} hands the console: the
     *     kernel serializes it with its own JSON library, which knows neither this plugin's annotations nor its trees)
     */
    public static Map<String, Object> document(SavedPlan plan) {
        return JSON.convertValue(plan, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** Writes the file atomically (a temporary file beside it, then moved over it). */
    public static void write(Path file, SavedPlan plan) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, render(plan), StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @param shown the name the user gave (for messages)
     * @throws UsageException when the file is missing, not JSON, not a plan file, or of a newer format version
     */
    public static SavedPlan read(Path file, String shown) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no plan file " + shown + "; make one with /plan --out " + shown);
        } catch (IOException e) {
            throw new UsageException("cannot read " + shown + ": " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new UsageException(shown + " is not a saved plan: not JSON" + line);
        }
        if (tree == null || !SavedPlan.FORMAT.equals(tree.path("format").asText())) {
            throw new UsageException(shown + " is not a saved plan (no \"format\": \"" + SavedPlan.FORMAT + "\"); make one with /plan --out FILE");
        }
        int version = tree.path("format_version").asInt(0);
        if (version != SavedPlan.VERSION) {
            throw new UsageException(shown + " has plan format version " + tree.path("format_version").asText()
                    + "; this proxmox-mpc reads version " + SavedPlan.VERSION + ": make the plan again with this version");
        }
        try {
            return JSON.treeToValue(tree, SavedPlan.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UsageException(shown + " is not a valid saved plan (" + oneLine(e) + "); make a new one with /plan --out " + shown);
        }
    }

    /** @return where the problem is ({@code at plan.items.0.label}), never a Java class name */
    private static String oneLine(Exception e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder at = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                at.append(at.length() == 0 ? "" : ".").append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
            }
            return (e instanceof UnrecognizedPropertyException ? "unknown field at " : "missing or wrong value at ") + at;
        }
        return "missing or wrong values";
    }
}
