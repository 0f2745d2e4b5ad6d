# Linux bridges, VLANs and bonds of the nodes (physical ports and OVS interfaces are not resources of the provider).

resource "proxmox_network_linux_bond" "pve1_bond0" {
  node_name    = "pve1"
  name         = "bond0"
  slaves       = ["eno2", "eno3"]
  bond_mode    = "active-backup"
  bond_primary = "eno3"
  autostart    = true
  comment      = "uplinks"
}

resource "proxmox_network_linux_bridge" "pve1_vmbr0" {
  node_name  = "pve1"
  name       = "vmbr0"
  address    = "192.168.1.10/24"
  gateway    = "192.168.1.1"
  autostart  = true
  ports      = ["eno1"]
  vlan_aware = true
}

resource "proxmox_network_linux_vlan" "pve1_vmbr0_20" {
  node_name = "pve1"
  name      = "vmbr0.20"
  interface = "vmbr0"
  vlan      = 20
  autostart = true
  comment   = "storage net"
}
