package dev.proxmoxmpc.kernel.plugin;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real third-party plugin archives in a test's temp folder: compiled sources, index, manifest. */
public final class PluginJars {
    private PluginJars() {}

    /**
     * Compiles {@code sources} (class name -> source) against the SPI, picocli and PF4J into {@code classesDir} and
     * writes {@code META-INF/extensions.idx} listing {@code extensions}.
     */
    public static Path compile(Path classesDir, Map<String, String> sources, List<String> extensions) throws IOException {
        return compile(classesDir, sources, extensions, List.of());
    }

    /** Like {@link #compile(Path, Map, List)}, with the jars of {@code libraries} on the class path too. */
    public static Path compile(Path classesDir, Map<String, String> sources, List<String> extensions,
                               List<Class<?>> libraries) throws IOException {
        Path src = Files.createDirectories(classesDir.resolveSibling(classesDir.getFileName() + "-src"));
        StringBuilder cp = new StringBuilder(location(ConsoleCommand.class) + java.io.File.pathSeparator
                + location(org.pf4j.Extension.class) + java.io.File.pathSeparator + location(picocli.CommandLine.class));
        libraries.forEach(c -> cp.append(java.io.File.pathSeparator).append(location(c)));
        List<String> args = new ArrayList<>(List.of("-proc:none", "--release", "17", "-d", classesDir.toString(),
                "-cp", cp.toString()));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        Files.createDirectories(classesDir);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int rc = javac.run(null, null, new java.io.PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) {
                errors.write(new String(b, off, len, StandardCharsets.UTF_8));
            }
        }, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("plugin sources do not compile: " + errors);
        }
        Path idx = classesDir.resolve("META-INF/extensions.idx");
        Files.createDirectories(idx.getParent());
        Files.writeString(idx, String.join("\n", extensions) + "\n");
        return classesDir;
    }

    /** Writes a JAR of {@code classesDir} with {@code Plugin-*} manifest entries and optional extra entries. */
    public static Path jar(Path jar, Path classesDir, Map<String, String> manifest, Map<String, byte[]> extra)
            throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> files = Files.walk(classesDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classesDir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Writes a bundled-style plugin zip: {@code plugin.properties} at the root and the JAR in {@code lib/}. */
    public static Path zip(Path zip, String properties, Path libJar) throws IOException {
        return zip(zip, properties, List.of(libJar));
    }

    /** Like {@link #zip(Path, String, Path)}, with several JARs in {@code lib/}. */
    public static Path zip(Path zip, String properties, List<Path> libJars) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("plugin.properties"));
            out.write(properties.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("lib/"));
            out.closeEntry();
            for (Path libJar : libJars) {
                out.putNextEntry(new ZipEntry("lib/" + libJar.getFileName()));
                Files.copy(libJar, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /** @return the jar a class was loaded from */
    public static Path jarOf(Class<?> type) {
        return Path.of(location(type));
    }

    /** @return the bytes of a class as on the kernel's class path (to smuggle an SPI copy into a plugin). */
    public static byte[] classBytes(Class<?> type) {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
