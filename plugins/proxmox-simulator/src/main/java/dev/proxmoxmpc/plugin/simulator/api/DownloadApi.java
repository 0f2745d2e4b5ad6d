package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Sizes;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import dev.proxmoxmpc.plugin.simulator.state.Task;
import dev.proxmoxmpc.plugin.simulator.state.TaskFailure;
import dev.proxmoxmpc.plugin.simulator.state.Volume;
import dev.proxmoxmpc.plugin.simulator.state.Volumes;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /nodes/{node}/storage/{storage}/download-url}: checks what PVE checks before it forks (a file-based
 * storage that holds the content type, a file name with the right ending), then a {@code download} task adds the
 * file. Nothing is fetched: the file gets a made-up size per content type.
 */
public final class DownloadApi {
    private static final Map<String, Pattern> ENDINGS = Map.of("iso", Volumes.ISO, "vztmpl", Volumes.TEMPLATE,
            "import", Volumes.IMPORT);
    private static final Map<String, Long> SIZES = Map.of("iso", 512 * Sizes.MIB, "vztmpl", 128 * Sizes.MIB,
            "import", 2 * Sizes.GIB);
    private final Cluster cluster;
    private final TaskRunner runner;

    public DownloadApi(Cluster cluster, TaskRunner runner) {
        this.cluster = cluster;
        this.runner = runner;
    }

    public void register(Router r) {
        r.post("/nodes/{node}/storage/{storage}/download-url", this::download);
    }

    private Object download(ApiRequest req) {
        String node = cluster.node(req.node()).name;
        StorageDef s = cluster.storage(req.required("storage"));
        if (!s.availableOn(node)) {
            throw ApiException.failed("storage '" + s.id + "' is not available on node '" + node + "'");
        }
        if (!s.fileBased()) {
            throw ApiException.failed("can't upload to storage type '" + s.type + "', not a file based storage!");
        }
        String content = req.required("content");
        if (!s.allows(content)) {
            throw ApiException.failed("storage '" + s.id + "' is not configured for content-type '" + content + "'");
        }
        String filename = normalize(req.required("filename"));
        Matcher ending = ENDINGS.get(content).matcher(filename);
        if (!ending.find() || ending.start() == 0) {
            throw ApiException.parameter("filename", content.equals("import") ? "invalid filename or wrong extension"
                    : "wrong file extension");
        }
        String url = req.required("url");
        String volid = s.id + ":" + content + "/" + filename;
        String dest = s.directory(content) + "/" + filename;
        boolean decompress = req.param("compression").isPresent();
        Task t = runner.start(req.principal(), node, "download", filename, null, null, task -> {
            if (decompress && !content.equals("iso")) {
                throw new TaskFailure("decompression not supported for " + content);
            }
            Volume existing = cluster.volumes.get(volid);
            if (existing != null && (s.shared || existing.node.isEmpty() || existing.node.equals(node))) {
                throw new TaskFailure("refusing to override existing file '" + dest + "'");
            }
            cluster.volumes.put(volid, new Volume(volid, s.id, s.shared ? "" : node, 0, content,
                    Volumes.fileFormat(content, filename), SIZES.get(content), Cluster.now()));
            return List.of("downloading " + url + " to " + dest, "download of '" + url + "' to '" + dest + "' finished");
        }, null);
        return t.upid;
    }

    /**
     * PVE's {@code normalize_content_filename}: without a trailing newline, the part after the last slash or
     * backslash, every character but {@code [a-zA-Z0-9_.-]} replaced by {@code _}.
     */
    static String normalize(String filename) {
        String name = filename.endsWith("\n") ? filename.substring(0, filename.length() - 1) : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.replaceAll("[^a-zA-Z0-9_.-]", "_");
    }
}
