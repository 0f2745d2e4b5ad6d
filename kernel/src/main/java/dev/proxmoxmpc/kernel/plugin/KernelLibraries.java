package dev.proxmoxmpc.kernel.plugin;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The library jars the kernel runs with, and which of them a plugin may take from the kernel instead of its own copy.
 *
 * <p>Plugins bundle their libraries in {@code lib/}; most bundled ones carry the same Jackson and SnakeYAML jars the
 * kernel has. Loaded child-first, each plugin defined, verified and JIT-compiled its own copy of the Jackson classes
 * it used (in a {@code /sync}, about 460 each for the provider and the monitoring plugin). When a plugin's jar is the very jar the kernel runs with (same file name, same
 * size, the same entries with the same sizes and CRC-32s), the plugin's class loader takes the packages that jar's
 * module exports from the kernel: the same classes, built once. The plugin keeps its copy on its class path for
 * anything else (resources, packages the module does not export).
 *
 * <p>A plugin that bundles another version or build of a library the kernel has (by artifact name, the file name
 * without its version) shares nothing: its copy of Jackson's core next to the kernel's databind would break it.
 */
final class KernelLibraries {
    /** The artifact name of a jar file: the name up to "-" and a digit (the version), e.g. {@code jackson-core}. */
    private static final Pattern VERSION = Pattern.compile("-\\d.*$");

    private static final class Holder {
        static final KernelLibraries CURRENT = ofThisRuntime();
    }

    /** A kernel jar: where it is, and its module when the kernel runs on the module path. */
    private record Jar(Path path, Optional<Module> module) {
    }

    /** A plugin's jar and the kernel's jar of the same name and size. */
    private record Pair(Path plugin, Path kernel) {
    }

    private final Map<String, Jar> byArtifact;
    /** The packages of each kernel jar a plugin bundled, worked out once (a class-path jar is read for them). */
    private final Map<Path, Set<String>> exports = new ConcurrentHashMap<>();

    private KernelLibraries(Map<String, Jar> byArtifact) {
        this.byArtifact = Map.copyOf(byArtifact);
    }

    /** @return the libraries of this runtime: the boot layer's modules and the class path */
    static KernelLibraries current() {
        return Holder.CURRENT;
    }

    /** @return jars on this class path only (no modules): for tests */
    static KernelLibraries ofClassPath(List<Path> jars) {
        Map<String, Jar> out = new HashMap<>();
        jars.forEach(j -> out.putIfAbsent(artifact(j), new Jar(j, Optional.empty())));
        return new KernelLibraries(out);
    }

    private static KernelLibraries ofThisRuntime() {
        Map<String, Jar> out = new HashMap<>();
        for (ResolvedModule m : ModuleLayer.boot().configuration().modules()) {
            Optional<Path> path = m.reference().location().filter(u -> "file".equals(u.getScheme())).map(Path::of);
            Optional<Module> module = ModuleLayer.boot().findModule(m.name());
            path.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .ifPresent(p -> out.putIfAbsent(artifact(p), new Jar(p, module)));
        }
        for (String entry : System.getProperty("java.class.path", "").split(Pattern.quote(File.pathSeparator))) {
            if (entry.endsWith(".jar")) {
                try {
                    Path p = Path.of(entry);
                    out.putIfAbsent(artifact(p), new Jar(p, Optional.empty()));
                } catch (InvalidPathException e) {
                    // not a path this system can name: not a jar to share
                }
            }
        }
        return new KernelLibraries(out);
    }

    static String artifact(Path jar) {
        return VERSION.matcher(jar.getFileName().toString()).replaceFirst("");
    }

    /**
     * @param pluginJars the jars of one plugin's {@code lib/}
     * @return what that plugin may take from the kernel: the packages of its jars that have a kernel jar's name and
     *         size, taken once a comparison of their entries proves them the same; nothing when one of its jars is
     *         another version or build of a kernel library
     */
    Sharing sharing(List<Path> pluginJars) {
        Set<String> packages = new HashSet<>();
        List<Pair> pairs = new ArrayList<>();
        for (Path jar : pluginJars) {
            Jar kernel = byArtifact.get(artifact(jar));
            if (kernel == null) {
                continue;
            }
            if (!sameNameAndSize(jar, kernel.path())) {
                return Sharing.NONE;
            }
            pairs.add(new Pair(jar, kernel.path()));
            packages.addAll(exports.computeIfAbsent(kernel.path(), p -> exported(kernel)));
        }
        return pairs.isEmpty() ? Sharing.NONE : new Sharing(packages, pairs);
    }

    /**
     * The packages one plugin takes from the kernel. Its jars are compared with the kernel's entry by entry when the
     * plugin first loads a class of one of them, so a command whose plugins never do pays nothing; when they differ,
     * the plugin loads its own copy of every class.
     */
    static final class Sharing {
        static final Sharing NONE = new Sharing(Set.of(), List.of());

        private final Set<String> packages;
        private final List<Pair> pairs;
        private volatile Boolean same;

        private Sharing(Set<String> packages, List<Pair> pairs) {
            this.packages = Set.copyOf(packages);
            this.pairs = List.copyOf(pairs);
        }

        /** @return whether the plugin takes this package from the kernel */
        boolean covers(String packageName) {
            if (!packages.contains(packageName)) {
                return false;
            }
            Boolean s = same;
            if (s == null) {
                synchronized (this) {
                    if (same == null) {
                        same = pairs.stream().allMatch(p -> sameEntries(p.plugin(), p.kernel()));
                    }
                    s = same;
                }
            }
            return s;
        }
    }

    private static Set<String> exported(Jar jar) {
        if (jar.module().isPresent() && jar.module().get().isNamed()) {
            Module module = jar.module().get();
            ModuleDescriptor d = module.getDescriptor();
            if (d.isAutomatic()) {
                return module.getPackages();
            }
            Set<String> out = new HashSet<>();
            d.exports().stream().filter(e -> !e.isQualified()).forEach(e -> out.add(e.source()));
            return out;
        }
        return classPackages(jar.path());
    }

    /** @return the packages of a jar's classes (a class-path jar exports them all) */
    private static Set<String> classPackages(Path jar) {
        Set<String> out = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                int slash = name.lastIndexOf('/');
                if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                    out.add(name.substring(0, slash).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return out;
    }

    private static boolean sameNameAndSize(Path a, Path b) {
        try {
            return a.getFileName().toString().equals(b.getFileName().toString()) && Files.size(a) == Files.size(b);
        } catch (IOException e) {
            return false; // unreadable: the plugin keeps its own copy, and loading it reports the problem
        }
    }

    /** @return whether two jars have the same entries: names, sizes and CRC-32s, in the same order */
    static boolean sameEntries(Path a, Path b) {
        try {
            if (Files.isSameFile(a, b)) {
                return true;
            }
            try (ZipFile x = new ZipFile(a.toFile()); ZipFile y = new ZipFile(b.toFile())) {
                if (x.size() != y.size()) {
                    return false;
                }
                Enumeration<? extends ZipEntry> ex = x.entries();
                Enumeration<? extends ZipEntry> ey = y.entries();
                while (ex.hasMoreElements() && ey.hasMoreElements()) {
                    ZipEntry l = ex.nextElement();
                    ZipEntry r = ey.nextElement();
                    if (!l.getName().equals(r.getName()) || l.getCrc() != r.getCrc() || l.getSize() != r.getSize()) {
                        return false;
                    }
                }
                return !ex.hasMoreElements() && !ey.hasMoreElements();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
