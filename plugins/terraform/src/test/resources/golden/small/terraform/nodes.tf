# Cluster nodes. bpg/proxmox data source; note: shared/terraform/bpg-schema.json lists resources only, so this
# block is not checked against that schema offline.
data "proxmox_virtual_environment_nodes" "all" {}

locals {
  # Nodes known to proxmox-mpc when these files were generated.
  nodes = ["pve1", "pve2"]
}

output "nodes" {
  value = data.proxmox_virtual_environment_nodes.all.names
}
