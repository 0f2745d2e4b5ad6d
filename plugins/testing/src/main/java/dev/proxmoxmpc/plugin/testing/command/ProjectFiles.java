package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.plugin.testing.check.TestFile;
import dev.proxmoxmpc.plugin.testing.check.TestFileReader;
import dev.proxmoxmpc.plugin.testing.policy.PolicyFile;
import dev.proxmoxmpc.plugin.testing.policy.PolicyFileException;
import dev.proxmoxmpc.plugin.testing.policy.PolicyFileReader;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the project's test files and policies.yml. */
final class ProjectFiles {
    private ProjectFiles() {}

    /** @return policies.yml, or {@link PolicyFile#NONE} when there is none; a broken file is a one-line failure. */
    static PolicyFile policies(Workspace ws) {
        Path p = ws.resolve(PolicyFile.PATH);
        if (!Files.isRegularFile(p)) {
            return PolicyFile.NONE;
        }
        try {
            return PolicyFileReader.read(PolicyFile.PATH, Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandException("cannot read " + PolicyFile.PATH + ": " + e.getMessage(), e);
        } catch (PolicyFileException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /**
     * @param target a guest name (the files whose {@code guest} is that name) or a path under tests/ (a file or folder)
     * @return every {@code tests/**}{@code /*.test.yml} (or those selected), sorted by path
     */
    static List<TestFile> tests(Workspace ws, Optional<String> target) {
        Path root = ws.resolve("tests");
        List<TestFile> all = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".test.yml") && Files.isRegularFile(x)).sorted().toList()) {
                    String rel = ws.root().relativize(p).toString().replace('\\', '/');
                    try {
                        all.add(TestFileReader.read(rel, Files.readString(p, StandardCharsets.UTF_8)));
                    } catch (IllegalArgumentException e) {
                        throw new CommandException(e.getMessage(), e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (target.isEmpty()) {
            return all;
        }
        String t = target.get().replace('\\', '/').replaceAll("/+$", "");
        List<TestFile> byPath = all.stream().filter(f -> f.path().equals(t) || f.path().startsWith(t + "/")).toList();
        if (!byPath.isEmpty()) {
            return byPath;
        }
        List<TestFile> byGuest = all.stream().filter(f -> f.guest().equals(t)
                || f.checks().stream().anyMatch(c -> c.text("guest").equals(t))).map(f -> onlyAbout(f, t)).toList();
        if (byGuest.isEmpty()) {
            throw new UsageException("no tests for '" + target.get() + "': give a guest name or a path under tests/ (run /sync to generate tests)");
        }
        return byGuest;
    }

    private static TestFile onlyAbout(TestFile f, String guest) {
        if (f.guest().equals(guest)) {
            return f;
        }
        return new TestFile(f.path(), f.guest(), f.vmid(), f.checks().stream().filter(c -> c.text("guest").equals(guest)).toList());
    }
}
