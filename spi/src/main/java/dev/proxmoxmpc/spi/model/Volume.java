package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A file on a storage, as {@code GET /nodes/{node}/storage/{storage}/content} lists it: an ISO image, a container
 * template, a backup archive, a guest disk.
 *
 * @param volid     the volume id ({@code local:iso/debian-12.8.0-amd64-netinst.iso})
 * @param content   its content type ({@code iso}, {@code vztmpl}, {@code backup}, {@code images}, {@code rootdir},
 *                  {@code snippets})
 * @param format    the file format ({@code iso}, {@code tzst}, {@code raw}, {@code qcow2}), or {@code ""}
 * @param sizeBytes its size in bytes, 0 when unknown
 * @param vmid      the guest that owns it (disks, backups), or 0
 * @param created   when it was written ({@code ctime}), {@link Instant#EPOCH} when unknown
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record Volume(String volid, String content, String format, long sizeBytes, int vmid, Instant created) {
    public Volume {
        Objects.requireNonNull(volid, "volid");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(created, "created");
    }

    /** @return the storage part of the volume id ({@code local}). */
    public String storage() {
        int colon = volid.indexOf(':');
        return colon < 0 ? "" : volid.substring(0, colon);
    }

    /** @return the file name without storage and content directory ({@code debian-12.8.0-amd64-netinst.iso}). */
    public String file() {
        String rest = volid.substring(volid.indexOf(':') + 1);
        return rest.substring(rest.lastIndexOf('/') + 1);
    }
}
