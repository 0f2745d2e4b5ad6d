package dev.proxmoxmpc.plugin.simulator.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.schema.PropertyStringFormat;
import java.util.Map;

/** A disk or mount-point value parsed with its schema format: the volume (default key) and the other options. */
public record DiskSpec(String key, PropertyStringFormat format, Map<String, String> values) {

    public static DiskSpec parse(String kind, String key, String value) {
        JsonNode schema = GuestSchema.key(kind, key).orElseThrow(
                () -> ApiException.parameter(key, "property is not defined in schema and the schema does not allow additional properties"));
        PropertyStringFormat f = PropertyStringFormat.of(schema.get("format"));
        try {
            return new DiskSpec(key, f, new java.util.LinkedHashMap<>(f.parse(value)));
        } catch (PropertyStringFormat.FormatException e) {
            throw ApiException.parameter(key, "invalid format - " + e.getMessage());
        }
    }

    public String volume() {
        return values.getOrDefault(format.defaultKey(), "");
    }

    public void volume(String volid) {
        values.put(format.defaultKey(), volid);
    }

    public boolean cdrom() {
        return "cdrom".equals(values.get("media")) || volume().equals("none") || volume().contains(":iso/")
                || volume().contains("cloudinit");
    }

    public String print() {
        Map<String, String> ordered = new java.util.LinkedHashMap<>(values);
        return format.print(ordered);
    }
}
