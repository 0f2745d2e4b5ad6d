package dev.proxmoxmpc.plugin.testing.run;

import java.util.Objects;

/**
 * The outcome of one check.
 *
 * @param file     the test file ({@code tests/vms/web-01.test.yml}), or {@code policies} for /validate rules
 * @param check    the check type ({@code config}) or {@code policy:<rule>}
 * @param target   what it is about ({@code web-01}, {@code node pve1}, {@code cluster})
 * @param field    the field ({@code cores}), or {@code ""}
 * @param severity {@code error} or {@code warning}
 * @param status   {@code passed}, {@code failed} or {@code skipped}
 * @param expected the expected value, or {@code ""}
 * @param actual   the actual value, or {@code ""}
 * @param message  a failure's text when expected/actual do not say it, or a skip's reason
 */
public record Result(String file, String check, String target, String field, String severity, String status, String expected,
                     String actual, String message) {
    public Result {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(message, "message");
    }

    public boolean passed() {
        return status.equals("passed");
    }

    public boolean skipped() {
        return status.equals("skipped");
    }

    /** @return an error-severity check that failed (it makes /test exit 1). */
    public boolean failed() {
        return status.equals("failed") && severity.equals("error");
    }

    /** @return a warning-severity check that failed (shown, counted apart, never blocks). */
    public boolean warned() {
        return status.equals("failed") && !severity.equals("error");
    }

    /** @return {@code web-01 cores: expected 2, actual 3} (or the message), without the FAIL/WARN/SKIP word. */
    public String text() {
        String subject = field.isEmpty() ? target : target + " " + field;
        if (skipped()) {
            return subject + " (" + message + ")";
        }
        if (!expected.isEmpty() || !actual.isEmpty()) {
            return subject + ": expected " + expected + ", actual " + actual;
        }
        return subject + (message.isEmpty() ? "" : ": " + message);
    }

    /** @return the line a person reads: {@code FAIL web-01 cores: expected 2, actual 3}. */
    public String line() {
        String word = skipped() ? "SKIP" : failed() ? "FAIL" : warned() ? "WARN" : "PASS";
        return word + " " + text();
    }
}
