package dev.proxmoxmpc.plugin.docs.facts;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Nic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the documentation says about one guest, read off the model (configuration only: no live usage).
 *
 * @param guest      the guest itself
 * @param label      its name, or {@code vm-100}/{@code ct-200} when it has none
 * @param disks      {@code scsi0 local-lvm 32G} per disk (CD drives left out)
 * @param storages   the storages its disks are on, each once, in disk order
 * @param links      {@code bridge}/{@code tag} of each NIC
 * @param addresses  configured addresses
 * @param startOrder its {@code startup} option
 * @param terraform  its Terraform file ({@code terraform/vms/web_01.tf})
 */
public record GuestFacts(Guest guest, String label, List<String> disks, List<String> storages, List<NicLink> links,
                         List<String> addresses, StartOrder startOrder, String terraform) {

    /** A NIC's connection: the bridge, and the VLAN tag or {@code ""}. */
    public record NicLink(String slot, String bridge, String tag) {
    }

    public GuestFacts {
        Objects.requireNonNull(guest, "guest");
        disks = List.copyOf(disks);
        storages = List.copyOf(storages);
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
    }

    /** @param terraform the guest's Terraform file */
    public static GuestFacts of(Guest g, String terraform) {
        List<String> disks = new ArrayList<>();
        List<String> storages = new ArrayList<>();
        for (Disk d : g.disks()) {
            if (d.cdrom() || d.volume().equals("none") || d.volume().contains("cloudinit")) {
                continue;
            }
            String size = d.size().isEmpty() && d.volume().matches("[^:]+:\\d+") ? d.volume().replaceAll(".*:", "") + "G" : d.size();
            disks.add(d.slot() + " " + (d.storage().isEmpty() ? d.volume() : d.storage()) + (size.isEmpty() ? "" : " " + size));
            if (!d.storage().isEmpty() && !storages.contains(d.storage())) {
                storages.add(d.storage());
            }
        }
        List<NicLink> links = new ArrayList<>();
        for (Nic n : g.nics()) {
            links.add(new NicLink(n.slot(), n.bridge(), n.tag()));
        }
        String label = g.name().isBlank() ? (g.kind() == GuestKind.VM ? "vm-" : "ct-") + g.vmid() : g.name();
        return new GuestFacts(g, label, disks, storages, links, Addresses.of(g), StartOrder.of(g), terraform);
    }

    public int vmid() {
        return guest.vmid();
    }

    public String node() {
        return guest.node();
    }

    public boolean vm() {
        return guest.kind() == GuestKind.VM;
    }

    /** @return {@code vm}, {@code ct}, {@code vm template} or {@code ct template}. */
    public String kindText() {
        return (vm() ? "vm" : "ct") + (guest.template() ? " template" : "");
    }

    /** @return the command-line tool on the node ({@code qm} or {@code pct}). */
    public String tool() {
        return vm() ? "qm" : "pct";
    }

    /** @return the proxmox-mpc noun ({@code vm} or {@code container}). */
    public String noun() {
        return vm() ? "vm" : "container";
    }

    /** @return the API path segment ({@code qemu} or {@code lxc}). */
    public String apiType() {
        return vm() ? "qemu" : "lxc";
    }

    /** @return total memory in MiB. */
    public long memoryMiB() {
        return guest.memoryMiB();
    }

    /** @return sockets x cores for VMs, cores for containers. */
    public int vcpus() {
        return vm() ? guest.cores() * Math.max(1, guest.intValue("sockets", 1)) : guest.cores();
    }

    /** @return the HA state the server reported ({@code started}), {@code ""} when not known or not HA-managed. */
    public String ha() {
        return guest.runtime().haState();
    }

    /** @return whether it starts at boot (templates never do). */
    public boolean startsAtBoot() {
        return guest.onboot() && !guest.template();
    }
}
