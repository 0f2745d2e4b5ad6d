package dev.proxmoxmpc.kernel.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoProblemsTest {
    @Test
    void namesTheFileAndTheReasonNeverTheExceptionClass() {
        assertThat(IoProblems.message(new AccessDeniedException("/proc/1/fdinfo"))).isEqualTo("/proc/1/fdinfo: permission denied");
        assertThat(IoProblems.message(new NoSuchFileException("x.yml"))).isEqualTo("x.yml: no such file or directory");
        assertThat(IoProblems.message(new FileSystemException("/tmp/" + "x".repeat(300), null, "File name too long")))
                .endsWith("...: File name too long").doesNotContain("Exception").hasSizeLessThan(230);
        assertThat(IoProblems.message(new IOException("java.nio.file.FileSystemException: disk full"))).isEqualTo("disk full");
    }

    @Test
    void anInvalidPathIsShownAsTypedWithControlCharactersEscaped() {
        assertThat(IoProblems.message(new InvalidPathException("a\u0000b", "Nul character not allowed")))
                .isEqualTo("'a\\0b' is not a valid path (Nul character not allowed)");
    }
}
