# Terraform >= 1.5 import blocks: the first plan adopts these existing objects instead of creating them.
# IDs: VM and container "node/vmid", bridge, VLAN and bond "node:iface", storage "storage_id", pool "pool_id".

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
  to = proxmox_storage_pbs.backup
  id = "backup"
}

import {
  to = proxmox_storage_lvmthin.local_lvm
  id = "local-lvm"
}

import {
  to = proxmox_storage_nfs.nas
  id = "nas"
}

import {
  to = proxmox_storage_cifs.smb
  id = "smb"
}

import {
  to = proxmox_network_linux_bond.pve1_bond0
  id = "pve1:bond0"
}

import {
  to = proxmox_network_linux_bridge.pve1_vmbr0
  id = "pve1:vmbr0"
}

import {
  to = proxmox_network_linux_vlan.pve1_vmbr0_20
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

import {
  to = proxmox_replication.job_100_0
  id = "100-0"
}

import {
  to = proxmox_haresource.vm_100
  id = "vm:100"
}

import {
  to = proxmox_haresource.vm_101
  id = "vm:101"
}

import {
  to = proxmox_harule.web_apart
  id = "web-apart"
}

import {
  to = proxmox_harule.web_nodes
  id = "web-nodes"
}
