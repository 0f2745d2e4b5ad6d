package dev.proxmoxmpc.plugin.proxmox.privilege;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.proxmoxmpc.plugin.proxmox.objects.ObjectFamilies;
import dev.proxmoxmpc.plugin.proxmox.objects.ObjectWrites;
import dev.proxmoxmpc.spi.provider.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The calls an object change makes: its family's {@code write}, recorded instead of sent. */
final class ObjectCalls implements ObjectWrites {
    private final Change change;
    private final List<PlannedCall> calls = new ArrayList<>();

    private ObjectCalls(Change change) {
        this.change = change;
    }

    static List<PlannedCall> of(Change c) {
        ObjectCalls recorder = new ObjectCalls(c);
        ObjectFamilies.of(c.target().objectKind()).ifPresent(f -> f.write(recorder, c));
        return List.copyOf(recorder.calls);
    }

    @Override
    public JsonNode write(String what, String method, String template, Map<String, String> params) {
        calls.add(new PlannedCall(method, template, params, change.summary().isEmpty() ? what : change.summary()));
        return JsonNodeFactory.instance.nullNode();
    }

    @Override
    public JsonNode get(String path) {
        return JsonNodeFactory.instance.arrayNode();
    }

    @Override
    public void message(String text) {
    }

    @Override
    public boolean recording() {
        return true;
    }
}
