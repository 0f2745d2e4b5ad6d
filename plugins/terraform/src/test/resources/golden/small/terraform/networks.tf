# Linux bridges and VLANs of the nodes (other interface types are not managed by the provider).

resource "proxmox_virtual_environment_network_linux_bridge" "pve1_vmbr0" {
  node_name  = "pve1"
  name       = "vmbr0"
  address    = "192.168.1.10/24"
  gateway    = "192.168.1.1"
  autostart  = true
  ports      = ["eno1"]
  vlan_aware = true
}

resource "proxmox_virtual_environment_network_linux_vlan" "pve1_vmbr0_20" {
  node_name = "pve1"
  name      = "vmbr0.20"
  interface = "vmbr0"
  vlan      = 20
  autostart = true
  comment   = "storage net"
}
