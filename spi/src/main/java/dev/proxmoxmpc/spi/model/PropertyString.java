package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A Proxmox VE property string ({@code virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1}) kept as an
 * ordered list of entries, so that {@code parse(s).format()} returns {@code s} exactly and keys this
 * model does not know are carried verbatim.
 *
 * <p>An entry without {@code =} is positional (the format's {@code default_key}); its key is {@code ""}.
 * A value may be double-quoted to contain commas; quotes are kept verbatim. Immutable and thread-safe.
 *
 * @param entries the entries in their original order
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record PropertyString(List<Entry> entries) {

    /** One {@code key=value} pair, or a positional value when {@code key} is {@code ""}. */
    @API(status = EXPERIMENTAL, since = "1.0")
    public record Entry(String key, String value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        String format() {
            return key.isEmpty() ? value : key + "=" + value;
        }
    }

    public PropertyString {
        entries = List.copyOf(entries);
    }

    /** The empty property string. */
    public static final PropertyString EMPTY = new PropertyString(List.of());

    /**
     * Parses a property string. Never fails: text that is not {@code key=value} becomes a positional entry.
     *
     * @param text the wire value, not null
     * @return the parsed entries
     */
    public static PropertyString parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Entry> out = new ArrayList<>();
        if (text.isEmpty()) {
            return EMPTY;
        }
        for (String part : split(text)) {
            int eq = part.indexOf('=');
            int quote = part.indexOf('"');
            if (eq > 0 && (quote < 0 || eq < quote)) {
                out.add(new Entry(part.substring(0, eq), part.substring(eq + 1)));
            } else {
                out.add(new Entry("", part));
            }
        }
        return new PropertyString(out);
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    /** @return the wire form, entries joined with {@code ,} in order. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.format());
        }
        return sb.toString();
    }

    /** @return the first positional value, if any. */
    public Optional<String> positional() {
        return entries.stream().filter(e -> e.key().isEmpty()).map(Entry::value).findFirst();
    }

    /** @return the value of the first entry with this key. */
    public Optional<String> get(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst();
    }

    /** @return the value for {@code key}, or {@code ""}. */
    public String getOrEmpty(String key) {
        return get(key).orElse("");
    }

    /** @return true when the key is present with a true-ish value ({@code 1 on yes true}). */
    public boolean flag(String key) {
        return get(key).map(PropertyString::truthy).orElse(false);
    }

    /** @return whether {@code v} is one of the boolean spellings PVE accepts as true. */
    public static boolean truthy(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "on", "yes", "true" -> true;
            default -> false;
        };
    }

    /**
     * @return a copy with {@code key} set: replaced in place when present, appended otherwise;
     *     an empty {@code value} removes the key.
     */
    public PropertyString with(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        List<Entry> out = new ArrayList<>();
        boolean replaced = false;
        for (Entry e : entries) {
            if (e.key().equals(key) && !key.isEmpty()) {
                if (!replaced && !value.isEmpty()) {
                    out.add(new Entry(key, value));
                }
                replaced = true;
            } else {
                out.add(e);
            }
        }
        if (!replaced && !value.isEmpty()) {
            out.add(new Entry(key, value));
        }
        return new PropertyString(out);
    }

    /** @return a copy whose first positional value is {@code value} (added at the front when absent). */
    public PropertyString withPositional(String value) {
        List<Entry> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).key().isEmpty()) {
                out.set(i, new Entry("", value));
                return new PropertyString(out);
            }
        }
        out.add(0, new Entry("", value));
        return new PropertyString(out);
    }

    @Override
    public String toString() {
        return format();
    }
}
