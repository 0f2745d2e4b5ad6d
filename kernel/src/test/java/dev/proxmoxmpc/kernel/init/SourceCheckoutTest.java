package dev.proxmoxmpc.kernel.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /init refuses the proxmox-mpc source tree, but not the directories its .gitignore keeps out of it. */
class SourceCheckoutTest {
    @TempDir
    Path tmp;
    Path checkout;

    @BeforeEach
    void aCheckout() throws IOException {
        checkout = Files.createDirectories(tmp.resolve("proxmox-mpc"));
        Files.writeString(checkout.resolve(".git"), "gitdir: /somewhere\n");
        Files.writeString(checkout.resolve("pom.xml"), "<project><artifactId>proxmox-mpc-parent</artifactId></project>\n");
        Files.writeString(checkout.resolve(".gitignore"), "target/\n/proxmox-demo/\n");
    }

    @Test
    void findsTheCheckoutFromItsRootAndItsSubdirectories() {
        assertThat(SourceCheckout.of(checkout)).contains(checkout);
        assertThat(SourceCheckout.of(checkout.resolve("docs/x"))).contains(checkout);
    }

    @Test
    void leavesIgnoredDirectoriesAndOtherPlacesAlone() throws IOException {
        assertThat(SourceCheckout.of(checkout.resolve("proxmox-demo"))).isEmpty();
        assertThat(SourceCheckout.of(checkout.resolve("kernel/target/it/project"))).isEmpty();
        assertThat(SourceCheckout.of(tmp.resolve("my-cluster"))).isEmpty();
        Files.writeString(checkout.resolve("pom.xml"), "<project><artifactId>something-else</artifactId></project>\n");
        assertThat(SourceCheckout.of(checkout)).as("another project's checkout").isEmpty();
    }
}
