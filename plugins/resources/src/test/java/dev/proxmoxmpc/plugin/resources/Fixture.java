package dev.proxmoxmpc.plugin.resources;

import dev.proxmoxmpc.plugin.resources.command.CloneVmCommand;
import dev.proxmoxmpc.plugin.resources.command.CreateContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.CreateNetworkCommand;
import dev.proxmoxmpc.plugin.resources.command.CreateStorageCommand;
import dev.proxmoxmpc.plugin.resources.command.CreateVmCommand;
import dev.proxmoxmpc.plugin.resources.command.DeleteContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.DeleteVmCommand;
import dev.proxmoxmpc.plugin.resources.command.DescribeContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.DescribeVmCommand;
import dev.proxmoxmpc.plugin.resources.command.ListContainersCommand;
import dev.proxmoxmpc.plugin.resources.command.ListNetworksCommand;
import dev.proxmoxmpc.plugin.resources.command.ListStorageCommand;
import dev.proxmoxmpc.plugin.resources.command.ListVmsCommand;
import dev.proxmoxmpc.plugin.resources.command.MigrateContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.MigrateVmCommand;
import dev.proxmoxmpc.plugin.resources.command.ScaleContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.ScaleVmCommand;
import dev.proxmoxmpc.plugin.resources.command.UpdateContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.UpdateVmCommand;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.SyncRun;
import dev.proxmoxmpc.spi.testkit.InMemoryStateStore;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small two-node cluster as the last /sync saw it (observed = desired): nodes pve1 (16 CPUs) and pve2 (8 CPUs),
 * storages local (dir: iso, vztmpl, backup) and local-lvm (lvmthin: images, rootdir), bridges vmbr0 on both nodes
 * and vmbr1 on pve1, pool prod, template 9000 ubuntu-2404, VM 100 old-01, container 200 dns-01; the files on the
 * storages are in {@link #volumes}.
 */
public final class Fixture {
    public static final Instant NOW = Instant.parse("2026-11-25T21:00:00Z");
    public final InMemoryStateStore state = new InMemoryStateStore(Clock.fixed(NOW, ZoneOffset.UTC));
    public final RecordingConsole console = new RecordingConsole();
    /** What the fake server's /cluster/nextid answers; -1 makes it unreachable. */
    public final AtomicInteger nextId = new AtomicInteger(101);
    public final AtomicInteger nextIdCalls = new AtomicInteger();
    /** The files on the fake server's storages and its provider's cache (unreachable too when {@link #nextId} is -1). */
    public final FakeVolumes volumes = new FakeVolumes();
    /** When set, {@code connect()} fails as the kernel does without a secret or provider. */
    public volatile boolean noProvider;
    public final TestKernelContext ctx;

    public Fixture(Path root) {
        Inventory inv = inventory();
        state.save(StateKind.OBSERVED, inv);
        state.save(StateKind.DESIRED, inv);
        state.recordSyncRun(new SyncRun(NOW.minusSeconds(300), "default", 2, 2, 1, 0, 0));
        ctx = TestKernelContext.builder().root(root).state(state).console(console).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .sessions(this::session)
                .extension(new CreateVmCommand(), new CreateContainerCommand(), new UpdateVmCommand(), new UpdateContainerCommand(),
                        new DeleteVmCommand(), new DeleteContainerCommand(), new CloneVmCommand(), new ScaleVmCommand(),
                        new ScaleContainerCommand(), new MigrateVmCommand(), new MigrateContainerCommand(), new ListVmsCommand(),
                        new ListContainersCommand(), new DescribeVmCommand(), new DescribeContainerCommand(),
                        new CreateNetworkCommand(), new CreateStorageCommand(), new ListNetworksCommand(), new ListStorageCommand())
                .build();
    }

    public CommandResult run(String line) {
        return ctx.execute(line);
    }

    public Inventory desired() {
        return state.load(StateKind.DESIRED);
    }

    public Guest desired(int vmid) {
        return desired().guest(vmid).orElseThrow(() -> new AssertionError("no desired guest " + vmid));
    }

    public static Inventory inventory() {
        List<Node> nodes = List.of(new Node("pve1", "online", 16, 64L << 30, 100L << 30, 1000, ""),
                new Node("pve2", "online", 8, 32L << 30, 100L << 30, 1000, ""));
        List<Storage> storages = List.of(
                new Storage("local", "dir", Map.of("path", "/var/lib/vz", "content", "iso,vztmpl,backup")),
                new Storage("local-lvm", "lvmthin", Map.of("vgname", "pve", "thinpool", "data", "content", "rootdir,images")));
        List<Network> networks = List.of(
                new Network("pve1", "eth0", "eth", Map.of("active", "1")),
                new Network("pve1", "eth1", "eth", Map.of("active", "1")),
                new Network("pve1", "vmbr0", "bridge", Map.of("bridge_ports", "eth0", "cidr", "10.0.0.11/24", "autostart", "1")),
                new Network("pve1", "vmbr1", "bridge", Map.of("bridge_ports", "", "autostart", "1")),
                new Network("pve2", "eth0", "eth", Map.of("active", "1")),
                new Network("pve2", "vmbr0", "bridge", Map.of("bridge_ports", "eth0", "autostart", "1")));
        Guest template = new VirtualMachine(9000, "pve1", "", PowerState.STOPPED, Map.ofEntries(
                Map.entry("name", "ubuntu-2404"), Map.entry("template", "1"), Map.entry("cores", "2"), Map.entry("memory", "2048"),
                Map.entry("scsihw", "virtio-scsi-single"), Map.entry("scsi0", "local-lvm:base-9000-disk-0,iothread=1,size=8G"),
                Map.entry("ide2", "local-lvm:vm-9000-cloudinit,media=cdrom"), Map.entry("net0", "virtio=BC:24:11:AA:00:01,bridge=vmbr0"),
                Map.entry("ostype", "l26"), Map.entry("agent", "1"), Map.entry("meta", "creation-qemu=9.0.2,ctime=1700000000"),
                Map.entry("vmgenid", "0e2f0c4c-1111-2222-3333-444455556666"), Map.entry("smbios1", "uuid=9e2f0c4c-1111-2222-3333-444455556666")),
                GuestRuntime.NONE);
        Guest old = new VirtualMachine(100, "pve1", "prod", PowerState.RUNNING, Map.of("name", "old-01", "cores", "2",
                "memory", "4096", "scsi0", "local-lvm:vm-100-disk-0,size=16G", "net0", "virtio=BC:24:11:AA:00:02,bridge=vmbr0",
                "scsihw", "virtio-scsi-single"), GuestRuntime.NONE);
        Guest dns = new Container(200, "pve1", "", PowerState.RUNNING, Map.of("hostname", "dns-01", "memory", "512", "swap", "512",
                "rootfs", "local-lvm:vm-200-disk-0,size=8G", "net0", "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:AA:00:03,ip=dhcp,type=veth",
                "ostype", "debian", "arch", "amd64", "unprivileged", "1"), GuestRuntime.NONE);
        return new Inventory("lab", nodes, List.of(template, old, dns), storages, networks, List.of(new Pool("prod", "")));
    }

    ProviderSession session() {
        if (noProvider) {
            throw new CommandException("no secret for environment 'default': set PROXMOX_MPC_DEFAULT_SECRET or run /init");
        }
        return new ProviderSession() {
            @Override
            public ServerInfo probe() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Inventory discover(Progress progress) {
                if (nextId.get() < 0) {
                    throw new ProviderException(ProviderException.Kind.CONNECTION, "connection refused: 127.0.0.1:8006");
                }
                return inventory();
            }

            @Override
            public ChangeResult apply(Change change, Progress progress) {
                throw new AssertionError("resource commands must not change the server");
            }

            @Override
            public int nextVmid() {
                nextIdCalls.incrementAndGet();
                if (nextId.get() < 0) {
                    throw new ProviderException(ProviderException.Kind.CONNECTION, "connection refused: 127.0.0.1:8006");
                }
                return nextId.get();
            }

            @Override
            public List<TaskRecord> recentTasks() {
                return List.of();
            }

            @Override
            public List<Volume> volumes(String node, String storage, String content, ReadPolicy policy) {
                if (!volumes.supported()) {
                    return ProviderSession.super.volumes(node, storage, content, policy);
                }
                return volumes.list(node, storage, content, policy, nextId.get() >= 0);
            }

            @Override
            public dev.proxmoxmpc.spi.provider.ApiData read(String path, Map<String, String> query) {
                if (nextId.get() < 0) {
                    throw new ProviderException(ProviderException.Kind.CONNECTION, "connection refused: 127.0.0.1:8006");
                }
                if (!path.equals("/cluster/resources")) {
                    return ProviderSession.super.read(path, query);
                }
                // what PVE answers for ?type=storage: one row per storage and node, disk/maxdisk in bytes
                return new dev.proxmoxmpc.spi.provider.ApiData(List.of(
                        Map.of("type", "storage", "storage", "local", "node", "pve1", "disk", 8L << 30, "maxdisk", 64L << 30,
                                "status", "available", "shared", 0),
                        Map.of("type", "storage", "storage", "local", "node", "pve2", "disk", 32L << 30, "maxdisk", 64L << 30,
                                "status", "available", "shared", 0),
                        Map.of("type", "storage", "storage", "local-lvm", "node", "pve1", "disk", 50L << 30,
                                "maxdisk", 200L << 30, "status", "available", "shared", 0)));
            }

            @Override
            public void close() {}
        };
    }
}
