package dev.proxmoxmpc.kernel.secrets;

import dev.proxmoxmpc.spi.command.CommandException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An environment's {@code secret_command} ({@code vault kv get -field=secret kv/pve}, {@code pass show pve/token},
 * {@code op read op://ops/pve/token}): run through {@code sh -c} with a timeout, its stdout's first line is the
 * secret. Optional {@code secret_store_command} receives a new secret on stdin ({@code /token rotate}). The secret is
 * never logged, never written to disk and never part of an error message; a failure is one line naming the command's
 * exit status and the first line of its stderr.
 *
 * @param read    the command that prints the secret
 * @param store   the command that stores a new one from stdin, or {@code ""}
 * @param timeout how long either may run
 */
public record SecretCommand(String read, String store, Duration timeout) {
    /** How long a secret command may run unless configured otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR = 200;

    public SecretCommand {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** @return the secret: the first line of the command's stdout */
    public String run(String secretName) {
        Result r = exec(read, null, "secret_command", secretName);
        String first = r.stdout().lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            throw new CommandException("secret_command for '" + secretName + "' printed nothing (the secret must be the"
                    + " first line of its output)");
        }
        return first;
    }

    /** Hands {@code value} to {@code secret_store_command} on stdin. */
    public void store(String secretName, String value) {
        if (store.isBlank()) {
            throw new CommandException("environment '" + secretName + "' has no secret_store_command to store a new secret");
        }
        exec(store, value + "\n", "secret_store_command", secretName);
    }

    private record Result(String stdout) {
    }

    private Result exec(String command, String stdin, String what, String secretName) {
        Process p;
        try {
            p = new ProcessBuilder("sh", "-c", command).start();
        } catch (IOException e) {
            throw new CommandException(what + " for '" + secretName + "' could not start: " + e.getMessage());
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the command did not read its stdin: its exit status tells the rest
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new CommandException(what + " for '" + secretName + "' did not finish within "
                        + (timeout.toMillis() >= 1000 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms")
                        + " (is it waiting for a password or a login?)");
            }
            if (p.exitValue() != 0) {
                String why = err.get(1, TimeUnit.SECONDS).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
                throw new CommandException(what + " for '" + secretName + "' failed with exit status " + p.exitValue()
                        + (why.isEmpty() ? "" : ": " + (why.length() > MAX_ERROR ? why.substring(0, MAX_ERROR) + "..." : why)));
            }
            return new Result(out.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new CommandException(what + " for '" + secretName + "' was interrupted");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new CommandException(what + " for '" + secretName + "': its output could not be read");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Never the commands' text in full: they may name a vault path, but never hold the secret. */
    @Override
    public String toString() {
        return "SecretCommand[timeout=" + timeout + "]";
    }
}
