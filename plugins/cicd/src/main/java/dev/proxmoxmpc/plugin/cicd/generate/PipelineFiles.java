package dev.proxmoxmpc.plugin.cicd.generate;

import dev.proxmoxmpc.plugin.cicd.pipeline.GeneratedHeader;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a pipeline into the project: a new file is created; an identical one is left alone (nothing rewritten);
 * one proxmox-mpc wrote and nobody edited since (its {@link GeneratedHeader} checksum matches) is replaced; any
 * other file (edited by hand, or not ours) is kept unless forced. Writing is atomic (a temporary file moved over).
 */
final class PipelineFiles {
    /** What happened to a file. */
    enum Outcome { CREATED, UPDATED, UNCHANGED, OVERWRITTEN }

    private PipelineFiles() {}

    /**
     * @return what was done
     * @throws CommandException when the file was edited by hand and {@code force} is off
     */
    static Outcome write(Workspace workspace, GeneratedFile file, boolean force) {
        Path target = workspace.resolve(file.path());
        try {
            Outcome outcome = Outcome.CREATED;
            if (Files.exists(target)) {
                if (!Files.isRegularFile(target)) {
                    throw new CommandException(file.path() + " exists and is not a file");
                }
                String existing = Files.readString(target, StandardCharsets.UTF_8);
                if (existing.equals(file.content())) {
                    return Outcome.UNCHANGED;
                }
                if (GeneratedHeader.untouched(existing)) {
                    outcome = Outcome.UPDATED;
                } else if (force) {
                    outcome = Outcome.OVERWRITTEN;
                } else {
                    throw new CommandException(file.path() + " was edited by hand (or not written by proxmox-mpc); kept."
                            + " Add --force to replace it");
                }
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".proxmox-mpc-", ".tmp");
            try {
                Files.writeString(tmp, file.content(), StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.path(), e);
        }
    }
}
