package dev.proxmoxmpc.spi.diag;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An expected problem reported in a result instead of thrown: e.g. a Terraform construct an importer
 * cannot map, a setting a generator cannot express.
 *
 * @param severity how serious
 * @param summary  one line a user can act on
 * @param detail   more text, may be {@code ""}
 * @param source   where: a file and line ({@code terraform/vms/web.tf:12}), a resource ({@code vm/101}), or {@code ""}
 */
@API(status = STABLE, since = "1.0")
public record Diagnostic(Severity severity, String summary, String detail, String source) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        detail = detail == null ? "" : detail;
        source = source == null ? "" : source;
    }

    public static Diagnostic info(String summary, String source) {
        return new Diagnostic(Severity.INFO, summary, "", source);
    }

    public static Diagnostic warning(String summary, String source) {
        return new Diagnostic(Severity.WARNING, summary, "", source);
    }

    public static Diagnostic error(String summary, String source) {
        return new Diagnostic(Severity.ERROR, summary, "", source);
    }

    /** @return {@code source: summary}, or just the summary when there is no source. */
    @Override
    public String toString() {
        return source.isEmpty() ? summary : source + ": " + summary;
    }
}
