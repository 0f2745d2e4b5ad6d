package dev.proxmoxmpc.plugin.proxmox.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.cache.CacheKey;
import dev.proxmoxmpc.plugin.proxmox.cache.ResponseCache;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code PackageRulesTest} must catch: discovery answering from the response cache. Test code only, never
 * imported by the rule's own check (it imports production classes).
 */
final class CacheReadingDiscovery {
    private CacheReadingDiscovery() {}

    static Optional<JsonNode> isoList(ResponseCache cache) {
        return cache.fresh(CacheKey.of("/nodes/pve1/storage/local/content", Map.of("content", "iso")));
    }
}
