package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.model.Inventory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Input of an {@link Importer}.
 *
 * @param root  the directory the files are relative to (the project root, or the directory given to /import)
 * @param files the files to read (absolute paths under {@code root}) that {@link Importer#handles} accepted
 * @param base  the current desired inventory: guests the files describe are updated in it, guests they do not
 *              mention are kept as they are
 * @param observed the environment's last observed inventory (guest-agent addresses the generated files carry);
 *              empty before the first /sync
 */
@API(status = STABLE, since = "1.0")
public record ImportRequest(Path root, List<Path> files, Inventory base, Inventory observed) {
    public ImportRequest {
        Objects.requireNonNull(root, "root");
        files = List.copyOf(files);
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(observed, "observed");
    }

    /** A request without an observed inventory (nothing synced yet). */
    public ImportRequest(Path root, List<Path> files, Inventory base) {
        this(root, files, base, Inventory.empty());
    }
}
