package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A file a generator produced.
 *
 * @param path    relative to the project root, {@code /}-separated ({@code terraform/vms/web_01.tf}); never absolute,
 *                never containing {@code ..} or empty segments
 * @param content the full text (UTF-8 when written)
 */
@API(status = STABLE, since = "1.0")
public record GeneratedFile(String path, String content) {
    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            throw new IllegalArgumentException("unsafe generated path: '" + path + "'");
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals("..") || seg.equals(".")) {
                throw new IllegalArgumentException("unsafe generated path: '" + path + "'");
            }
        }
    }
}
