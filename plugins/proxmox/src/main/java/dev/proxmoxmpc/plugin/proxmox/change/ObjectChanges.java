package dev.proxmoxmpc.plugin.proxmox.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.objects.ObjectFamilies;
import dev.proxmoxmpc.plugin.proxmox.objects.ObjectFamily;
import dev.proxmoxmpc.plugin.proxmox.objects.ObjectWrites;
import dev.proxmoxmpc.plugin.proxmox.objects.PathTemplate;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.Map;

/** Changes of {@link dev.proxmoxmpc.spi.model.ClusterObject}s: handed to the family of their kind. */
final class ObjectChanges implements ObjectWrites {
    private final Writes w;

    ObjectChanges(Writes writes) {
        this.w = writes;
    }

    void run(Change c) {
        String kind = c.target().objectKind();
        ObjectFamily family = ObjectFamilies.of(kind).orElseThrow(() -> new ProviderException(ProviderException.Kind.INVALID,
                c.target() + ": proxmox-mpc cannot change objects of kind '" + kind + "'"));
        family.write(this, c);
    }

    @Override
    public JsonNode write(String what, String method, String template, Map<String, String> params) {
        PathTemplate t = PathTemplate.fill(template, params);
        return w.write(what, method, t.path(), t.body());
    }

    @Override
    public JsonNode get(String path) {
        return w.client().get(path);
    }

    @Override
    public void message(String text) {
        w.progress().message(text);
    }
}
