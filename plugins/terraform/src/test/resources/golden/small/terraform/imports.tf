# Terraform >= 1.5 import blocks: the first plan adopts these existing objects instead of creating them.
# IDs: VM and container "node/vmid", bridge and VLAN "node:iface", pool "pool_id".

import {
  to = proxmox_virtual_environment_vm.web_01
  id = "pve1/101"
}

import {
  to = proxmox_virtual_environment_vm.web_01_102
  id = "pve2/102"
}

import {
  to = proxmox_virtual_environment_vm.debian_12_template
  id = "pve1/9000"
}

import {
  to = proxmox_virtual_environment_container.dns_1
  id = "pve2/200"
}

import {
  to = proxmox_virtual_environment_network_linux_bridge.pve1_vmbr0
  id = "pve1:vmbr0"
}

import {
  to = proxmox_virtual_environment_network_linux_vlan.pve1_vmbr0_20
  id = "pve1:vmbr0.20"
}

import {
  to = proxmox_virtual_environment_pool.prod
  id = "prod"
}

import {
  to = proxmox_backup_job.backup_nightly
  id = "backup-nightly"
}
