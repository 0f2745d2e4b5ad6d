package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The backup archives on the storages a /backup writes to, listed before and after it, so each guest's new archive
 * can be named ({@code local:backup/vzdump-qemu-101-2026_11_25-21_00_00.vma.zst}) for a later /restore.
 */
final class BackupArchives {
    private final Map<String, List<Volume>> byNodeAndStorage;

    private BackupArchives(Map<String, List<Volume>> byNodeAndStorage) {
        this.byNodeAndStorage = byNodeAndStorage;
    }

    /** Lists the backups on each (node, storage) the changes write to; a storage that cannot be listed is left out. */
    static BackupArchives list(ProviderSession session, List<Change> backups) {
        Map<String, List<Volume>> out = new HashMap<>();
        for (Change c : backups) {
            String node = c.target().node();
            String storage = c.option(Change.OPT_STORAGE);
            out.computeIfAbsent(node + "/" + storage, k -> {
                try {
                    return session.volumes(node, storage, "backup", ReadPolicy.LIVE);
                } catch (ProviderException e) {
                    return List.of();
                }
            });
        }
        return new BackupArchives(out);
    }

    /** @return the newest archive of the change's guest that {@code before} did not have, or {@code ""}. */
    String newSince(BackupArchives before, Change c) {
        String key = c.target().node() + "/" + c.option(Change.OPT_STORAGE);
        Set<String> old = before.byNodeAndStorage.getOrDefault(key, List.of()).stream().map(Volume::volid)
                .collect(Collectors.toSet());
        int vmid = Integer.parseInt(c.target().id());
        return byNodeAndStorage.getOrDefault(key, List.of()).stream()
                .filter(v -> v.vmid() == vmid && !old.contains(v.volid()))
                .max(Comparator.comparing(Volume::created).thenComparing(Volume::volid)).map(Volume::volid).orElse("");
    }
}
