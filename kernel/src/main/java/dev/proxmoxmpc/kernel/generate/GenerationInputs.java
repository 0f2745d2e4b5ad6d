package dev.proxmoxmpc.kernel.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.kernel.state.InventoryJson;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What generation depends on, as one SHA-256: every generator's identity (id, class and the jar or directory it was
 * loaded from, with that file's size and modification time) and every part of its request that is data (environment,
 * endpoint, options, the desired and observed inventories, the container templates), the kernel's and the SPI's jars
 * (size and modification time), plus what the caller adds (the kernel's version, the project's template overrides).
 * A generator is pure (the {@link Generator} contract): the same inputs give the same files, so equal fingerprints mean
 * generating again would write exactly what was written.
 */
public final class GenerationInputs {
    private static final ObjectMapper JSON = InventoryJson.mapper(); // map entries ordered by key: canonical

    private GenerationInputs() {}

    /**
     * @return {@code inventory} with every node's and guest's uptime 0: it changes at every read, and no generated file
     *     may depend on it (a running guest would otherwise rewrite its files, and change the fingerprint, at every /sync)
     */
    public static Inventory withoutUptime(Inventory inventory) {
        if (inventory.nodes().stream().allMatch(n -> n.uptimeSeconds() == 0)
                && inventory.guests().stream().allMatch(g -> g.runtime().uptimeSeconds() == 0)) {
            return inventory;
        }
        List<Node> nodes = inventory.nodes().stream().map(n -> n.uptimeSeconds() == 0 ? n
                : new Node(n.name(), n.status(), n.maxCpu(), n.maxMemory(), n.maxDisk(), 0, n.level())).toList();
        List<Guest> guests = inventory.guests().stream().map(g -> {
            GuestRuntime r = g.runtime();
            return r.uptimeSeconds() == 0 ? g
                    : g.withRuntime(new GuestRuntime(r.lock(), r.haState(), 0, r.ipAddresses(), r.digest()));
        }).toList();
        return new Inventory(inventory.cluster(), nodes, guests, inventory.storages(), inventory.networks(),
                inventory.pools(), inventory.objects());
    }

    /**
     * @return the fingerprint of the files under {@code dir} (names and contents): "" when there is no such directory,
     *     null when it cannot be read (then nothing can be told unchanged)
     */
    public static String ofDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        MessageDigest sha = sha256();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                text(sha, dir.relativize(f).toString());
                bytes(sha, FileHashes.sha256(Files.readAllBytes(f)).getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * @param context    what else the files depend on (the kernel's version, the template overrides' fingerprint)
     * @param generators the generators, in their order
     * @param requests   each generator's request, in the same order
     * @return the fingerprint of generating with these
     */
    static String of(String context, List<Generator> generators, List<GenerationRequest> requests) {
        MessageDigest sha = sha256();
        text(sha, "proxmox-mpc generation inputs 1");
        text(sha, context);
        text(sha, origin(GenerationInputs.class)); // the kernel (its template engine)
        text(sha, origin(Generator.class)); // the SPI (the model's readers the generators call)
        Map<Object, byte[]> seen = new IdentityHashMap<>(); // the generators share their inventories: each is hashed once
        for (int i = 0; i < generators.size(); i++) {
            Generator g = generators.get(i);
            GenerationRequest r = requests.get(i);
            text(sha, g.id());
            text(sha, g.getClass().getName());
            text(sha, origin(g.getClass()));
            text(sha, r.environment());
            text(sha, r.endpoint());
            bytes(sha, json(r.options()));
            bytes(sha, seen.computeIfAbsent(r.desired(), GenerationInputs::hashOf));
            bytes(sha, seen.computeIfAbsent(r.observed(), GenerationInputs::hashOf));
            bytes(sha, seen.computeIfAbsent(r.containerTemplates(), GenerationInputs::hashOf));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** @return the fingerprint of recorded file hashes (the path and hash of each, in path order) */
    static String ofFileHashes(Map<String, String> fileHashes) {
        MessageDigest sha = sha256();
        new TreeMap<>(fileHashes).forEach((path, hash) -> {
            text(sha, path);
            text(sha, hash);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** @return where a class was loaded from, with that file's size and modification time ("" when unknown) */
    private static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "";
        }
        try {
            Path p = Path.of(source.getLocation().toURI());
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return p + " " + a.size() + " " + a.lastModifiedTime().toMillis();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return source.getLocation().toString();
        }
    }

    /** @return the SHA-256 of a value's canonical JSON, written straight into the digest */
    private static byte[] hashOf(Object value) {
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestSink(sha)) {
            JSON.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha.digest();
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(MessageDigest sha, String s) {
        bytes(sha, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a length-prefixed part, so that two parts never read as one. */
    private static void bytes(MessageDigest sha, byte[] b) {
        sha.update(HexFormat.of().toHexDigits(b.length).getBytes(StandardCharsets.US_ASCII));
        sha.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** An output stream into a digest (Jackson closes it; nothing to release). */
    private static final class DigestSink extends OutputStream {
        private final MessageDigest sha;

        DigestSink(MessageDigest sha) {
            this.sha = sha;
        }

        @Override
        public void write(int b) {
            sha.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha.update(b, off, len);
        }
    }
}
