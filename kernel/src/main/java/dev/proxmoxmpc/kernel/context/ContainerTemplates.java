package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The container templates ({@code vztmpl}) of each node as the provider's cache last saw them (/sync lists them):
 * read with {@link ReadPolicy#CACHE_ONLY}, so generating files never waits for the network. Nothing known, or a
 * provider that cannot list content, gives an empty map.
 */
final class ContainerTemplates {
    private ContainerTemplates() {}

    static Map<String, List<Volume>> cached(Supplier<ProviderSession> connect, Inventory observed) {
        if (observed.nodes().isEmpty() || observed.storages().stream().noneMatch(s -> s.content().contains("vztmpl"))) {
            return Map.of();
        }
        Map<String, List<Volume>> out = new TreeMap<>();
        try (ProviderSession session = connect.get()) {
            for (Node node : observed.nodes()) {
                for (Storage storage : observed.storages()) {
                    if (storage.content().contains("vztmpl") && storage.availableOn(node.name())) {
                        List<Volume> found = session.volumes(node.name(), storage.id(), "vztmpl", ReadPolicy.CACHE_ONLY);
                        if (!found.isEmpty()) {
                            out.computeIfAbsent(node.name(), n -> new ArrayList<>()).addAll(found);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return Map.of(); // no usable session or cache: the generators go without
        }
        return out;
    }
}
