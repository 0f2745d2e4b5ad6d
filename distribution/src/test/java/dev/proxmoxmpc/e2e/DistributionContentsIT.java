package dev.proxmoxmpc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The assembled lib/ holds what the product runs on and nothing else: one version of each jar, no JavaScript engine. */
class DistributionContentsIT {

    private static List<String> jars() throws IOException {
        try (Stream<Path> s = Files.list(Product.distDir().resolve("lib"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }

    @Test
    void libHoldsNoNashornNorAsm() throws IOException {
        assertThat(jars()).isNotEmpty().noneMatch(n -> n.startsWith("nashorn-") || n.startsWith("asm-"));
    }

    @Test
    void libHoldsOneVersionOfEachLibrary() throws IOException {
        List<String> names = jars().stream().map(n -> n.replaceFirst("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "")).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(jars()).anyMatch(n -> n.startsWith("jline-3.30.")).anyMatch(n -> n.startsWith("pf4j-3.13."))
                .anyMatch(n -> n.startsWith("handlebars-4.5."));
    }
}
