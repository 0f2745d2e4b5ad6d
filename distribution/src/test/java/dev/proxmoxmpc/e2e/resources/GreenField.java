package dev.proxmoxmpc.e2e.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A green-field cluster for the simulator: two nodes with a LAN bridge each, local and local-lvm storage, two empty
 * pools (lab, prod), one cloud image template (9000 ubuntu-2404-cloud on pve1), a Debian container template, and no
 * guests yet.
 */
final class GreenField {
    private GreenField() {}

    static Path write(Path dir) throws IOException {
        Path file = dir.resolve("green-field.yml");
        Files.createDirectories(dir);
        Files.writeString(file, """
                cluster: lab
                nodes:
                  - name: pve1
                    ip: 10.0.0.11
                    cpus: 16
                    memory: 64G
                    rootfs: 96G
                    interfaces:
                      - {iface: eno1, type: eth}
                      - {iface: vmbr0, type: bridge, bridge_ports: eno1, bridge_stp: 'off', bridge_fd: '0', cidr: 10.0.0.11/24, address: 10.0.0.11, netmask: 255.255.255.0, gateway: 10.0.0.1}
                  - name: pve2
                    ip: 10.0.0.12
                    cpus: 16
                    memory: 64G
                    rootfs: 96G
                    interfaces:
                      - {iface: eno1, type: eth}
                      - {iface: vmbr0, type: bridge, bridge_ports: eno1, bridge_stp: 'off', bridge_fd: '0', cidr: 10.0.0.12/24, address: 10.0.0.12, netmask: 255.255.255.0, gateway: 10.0.0.1}
                storages:
                  - {id: local, type: dir, content: "iso,vztmpl,backup", capacity: 96G, props: {path: /var/lib/vz}}
                  - {id: local-lvm, type: lvmthin, content: "images,rootdir", capacity: 800G, props: {vgname: pve, thinpool: data}}
                pools:
                  - {id: lab, comment: Lab}
                  - {id: prod, comment: Production}
                volumes:
                  - {volid: "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", node: pve1, size: 120M}
                templates:
                  - vmid: 9000
                    node: pve1
                    config:
                      name: "ubuntu-2404-cloud"
                      cores: "2"
                      sockets: "1"
                      memory: "2048"
                      cpu: "x86-64-v2-AES"
                      ostype: "l26"
                      scsihw: "virtio-scsi-single"
                      scsi0: "local-lvm:8,discard=on,iothread=1,ssd=1"
                      net0: "virtio,bridge=vmbr0"
                      agent: "1"
                      ide2: "local-lvm:cloudinit"
                      ipconfig0: "ip=dhcp"
                """);
        return file;
    }
}
