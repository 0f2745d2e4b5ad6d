package dev.proxmoxmpc.plugin.sync.saved;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A saved plan file as {@code /plan --out FILE} writes it (format {@value #FORMAT}, version {@value #VERSION}): the
 * plan {@link Body} and its SHA-256, and, once {@code /approve} ran, the {@link Approval} of exactly that hash. The
 * body's field order is fixed by these records; maps are written sorted by key.
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion {@value #VERSION}
 * @param plan          what was planned, for which project and environment, against what
 * @param sha256        hex SHA-256 of the body's canonical JSON ({@link PlanFiles#hash})
 * @param approval      the approval, or null before {@code /approve}
 */
@JsonPropertyOrder({"format", "format_version", "plan", "sha256", "approval"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SavedPlan(String format, @JsonProperty("format_version") int formatVersion, Body plan, String sha256,
                        Approval approval) {
    public static final String FORMAT = "proxmox-mpc-plan";
    public static final int VERSION = 1;

    public SavedPlan {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** @return this plan carrying {@code approval} */
    public SavedPlan approved(Approval approval) {
        return new SavedPlan(format, formatVersion, plan, sha256, approval);
    }

    /**
     * The plan itself (what the hash covers).
     *
     * @param createdAt       when it was made (ISO-8601 UTC)
     * @param createdBy       the OS user who made it
     * @param project         which project it belongs to
     * @param environment     which environment (cluster) it is for
     * @param desiredRevision hex SHA-256 of the desired state it was computed from ({@link DesiredRevision})
     * @param summary         {@code Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.}
     * @param items           the resources that change, in execution order
     * @param diagnostics     warnings and notes of the plan (a plan with errors is never saved)
     * @param observed        per touched resource, what the server had when the plan was made
     */
    @JsonPropertyOrder({"created_at", "created_by", "project", "environment", "desired_revision", "summary", "items",
            "diagnostics", "observed"})
    public record Body(@JsonProperty("created_at") String createdAt, @JsonProperty("created_by") String createdBy,
                       Project project, Environment environment, @JsonProperty("desired_revision") String desiredRevision,
                       String summary, List<Item> items, List<Note> diagnostics, List<Observation> observed) {
        public Body {
            Objects.requireNonNull(createdAt, "created_at");
            Objects.requireNonNull(createdBy, "created_by");
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(desiredRevision, "desired_revision");
            Objects.requireNonNull(summary, "summary");
            items = List.copyOf(items == null ? List.of() : items);
            diagnostics = List.copyOf(diagnostics == null ? List.of() : diagnostics);
            observed = List.copyOf(observed == null ? List.of() : observed);
        }
    }

    /**
     * @param name the project directory's name (shown, not compared)
     * @param id   hex digest of the project's environments and their endpoints (compared at apply)
     */
    public record Project(String name, String id) {
        public Project {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * @param name     {@code production}
     * @param endpoint its API URL
     */
    public record Environment(String name, String endpoint) {
        public Environment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /**
     * One resource's entry, as {@code /plan} shows it.
     *
     * @param action   {@code create}, {@code update}, {@code replace}, {@code delete}
     * @param resource {@code vm/101}
     * @param label    {@code vm/101 web-01}
     * @param fields   the field changes
     * @param changes  the provider changes, in order (secret values replaced)
     */
    @JsonPropertyOrder({"action", "resource", "label", "fields", "changes"})
    public record Item(String action, Ref resource, String label, List<Field> fields, List<Step> changes) {
        public Item {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(label, "label");
            fields = List.copyOf(fields == null ? List.of() : fields);
            changes = List.copyOf(changes == null ? List.of() : changes);
        }
    }

    /** A resource reference: {@code vm}, node, id (as {@link dev.proxmoxmpc.spi.provider.ResourceRef}). */
    @JsonPropertyOrder({"type", "node", "id"})
    public record Ref(String type, String node, String id) {
        public Ref {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(id, "id");
        }
    }

    /** A field change: observed value to desired value ({@code ""} when absent). */
    @JsonPropertyOrder({"field", "before", "after"})
    public record Field(String field, String before, String after) {
        public Field {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /** One provider change (a {@link dev.proxmoxmpc.spi.provider.Change}), secret settings replaced. */
    @JsonPropertyOrder({"action", "target", "settings", "deletions", "options", "summary"})
    public record Step(String action, Ref target, Map<String, String> settings, List<String> deletions,
                       Map<String, String> options, String summary) {
        public Step {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(target, "target");
            settings = Map.copyOf(settings == null ? Map.of() : settings);
            deletions = List.copyOf(deletions == null ? List.of() : deletions);
            options = Map.copyOf(options == null ? Map.of() : options);
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** A plan diagnostic. */
    @JsonPropertyOrder({"severity", "summary", "source"})
    public record Note(String severity, String summary, String source) {
        public Note {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * What the server had for one touched resource when the plan was made.
     *
     * @param resource {@code vm/101}
     * @param exists   whether the server had it (false for a resource the plan creates)
     * @param digest   the guest config's {@code digest}, or {@code ""}
     * @param values   its comparable fields (secret values as their SHA-256)
     */
    @JsonPropertyOrder({"resource", "exists", "digest", "values"})
    public record Observation(String resource, boolean exists, String digest, Map<String, String> values) {
        public Observation {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(digest, "digest");
            values = Map.copyOf(values == null ? Map.of() : values);
        }
    }

    /**
     * An approval, written into the file by {@code /approve}.
     *
     * @param by     who approved
     * @param at     when (ISO-8601 UTC)
     * @param sha256 the plan hash approved: must equal {@link SavedPlan#sha256()} and the body's hash
     */
    @JsonPropertyOrder({"by", "at", "sha256"})
    public record Approval(String by, String at, String sha256) {
        public Approval {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(sha256, "sha256");
        }
    }
}
