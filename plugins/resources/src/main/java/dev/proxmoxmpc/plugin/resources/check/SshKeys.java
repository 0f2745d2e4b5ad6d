package dev.proxmoxmpc.plugin.resources.check;

import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reads OpenSSH public keys from a file: one key per line, blank lines and comments dropped, each line checked. */
public final class SshKeys {
    private static final Pattern KEY = Pattern.compile(
            "(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\\.com)"
                    + "\\s+[A-Za-z0-9+/=]+(\\s+.*)?");

    private SshKeys() {}

    /**
     * @param file a path, relative to the project or absolute ({@code ~/} is the user's home)
     * @return the keys, in file order
     */
    public static List<String> read(String option, String file, Workspace workspace) {
        Path p = file.startsWith("~/") ? Path.of(System.getProperty("user.home"), file.substring(2)) : workspace.root().resolve(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(p);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read '" + file + "' (" + e.getClass().getSimpleName() + ")");
        }
        List<String> keys = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (keys.isEmpty()) {
            throw new UsageException(option + ": '" + file + "' holds no public key");
        }
        for (String k : keys) {
            if (!KEY.matcher(k).matches()) {
                throw new UsageException(option + ": '" + file + "' holds a line that is not an OpenSSH public key (is it the private key?)");
            }
        }
        return keys;
    }
}
