package dev.proxmoxmpc.plugin.proxmox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** How a family writes: the change executor's writes, or the privilege pre-check's recorder. */
public interface ObjectWrites {
    /**
     * Sends a write and waits for its task when it returns one.
     *
     * @param what     a few words for messages ({@code update backup-job/daily})
     * @param method   POST, PUT or DELETE
     * @param template the path with {@code {name}} placeholders ({@code /cluster/backup/{id}}); those parameters fill
     *                 the path and are not sent in the body
     * @param params   the parameters
     * @return the write's {@code data}
     */
    JsonNode write(String what, String method, String template, Map<String, String> params);

    /** @return the {@code data} of a GET (the recorder answers an empty array) */
    JsonNode get(String path);

    /** Shows a line on the progress display. */
    void message(String text);

    /** @return whether writes are only recorded (the privilege pre-check), not sent */
    default boolean recording() {
        return false;
    }
}
