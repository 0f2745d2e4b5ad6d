package dev.proxmoxmpc.kernel.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds whether a directory lies in the tracked tree of a git checkout of proxmox-mpc itself (a {@code .git} beside
 * the parent POM {@code proxmox-mpc-parent}): /init there would turn the source tree into a project and edit its
 * tracked files. A directory the checkout's top {@code .gitignore} ignores by name ({@code /proxmox-demo/} of the
 * demo, {@code target/} of the tests) is not part of it.
 */
final class SourceCheckout {
    private static final String PARENT_ARTIFACT = "<artifactId>proxmox-mpc-parent</artifactId>";

    private SourceCheckout() {}

    /** @return the checkout's root when {@code dir} lies in its tracked tree, else empty */
    static Optional<Path> of(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git")) && isOurParentPom(d.resolve("pom.xml"))) {
                return ignored(d, d.relativize(start)) ? Optional.empty() : Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** @return whether a segment of {@code relative} is a directory name the top .gitignore lists ({@code name/}) */
    private static boolean ignored(Path root, Path relative) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(".gitignore")).stream().map(String::strip).toList();
        } catch (IOException e) {
            return false;
        }
        for (int i = 0; i < relative.getNameCount(); i++) {
            String name = relative.getName(i).toString();
            if (!name.isEmpty() && (lines.contains(name + "/") || i == 0 && lines.contains("/" + name + "/"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOurParentPom(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains(PARENT_ARTIFACT);
        } catch (IOException e) {
            return false;
        }
    }
}
