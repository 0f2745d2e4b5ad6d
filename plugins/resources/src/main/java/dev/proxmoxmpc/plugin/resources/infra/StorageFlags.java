package dev.proxmoxmpc.plugin.resources.infra;

import dev.proxmoxmpc.plugin.resources.complete.Completion;
import picocli.CommandLine.Option;

/** The options of {@code create storage}; {@link StorageSpec} reads them. */
public final class StorageFlags {
    @Option(names = "--name", paramLabel = "ID", description = "the storage id")
    String name;
    @Option(names = "--type", paramLabel = "dir|nfs|lvmthin", completionCandidates = Completion.Values.class, description = "the storage type")
    String type;
    @Option(names = "--path", paramLabel = "DIR", description = "dir: the directory")
    String path;
    @Option(names = "--server", paramLabel = "HOST", description = "nfs: the server")
    String server;
    @Option(names = "--export", paramLabel = "PATH", description = "nfs: the export")
    String export;
    @Option(names = "--vgname", paramLabel = "VG", description = "lvmthin: the volume group")
    String vgname;
    @Option(names = "--thinpool", paramLabel = "POOL", description = "lvmthin: the thin pool")
    String thinpool;
    @Option(names = "--content", paramLabel = "images,iso,...", completionCandidates = Completion.Values.class, description = "content types")
    String content;
    @Option(names = "--nodes", paramLabel = "pve1,pve2", completionCandidates = Completion.Values.class, description = "limit to these nodes")
    String nodes;
    @Option(names = "--shared", description = "shared between nodes")
    boolean shared;
}
