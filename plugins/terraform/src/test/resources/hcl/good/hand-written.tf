# A hand-written configuration using constructs the generator never writes.
terraform {
  required_providers {
    proxmox = {
      source  = "bpg/proxmox"
      version = "~> 0.111"
    }
  }
}

locals {
  vms = {
    web = { cores = 2, memory = 2048 }
    db  = { cores = 4, memory = 8192 }
  }
  names = [for k, v in local.vms : upper(k) if v.cores > 1]
}

variable "node" {
  type    = string
  default = "pve1"
}

resource "proxmox_virtual_environment_vm" "many" {
  for_each  = local.vms
  node_name = var.node
  name      = "vm-${each.key}"
  tags      = ["a", "b"]
  started   = each.value.cores > 2 ? true : false

  cpu { cores = each.value.cores }

  dynamic "disk" {
    for_each = [1, 2]
    content {
      interface = "scsi${disk.value}"
      size      = 8 * disk.value
    }
  }

  description = <<-EOT
    Multi-line with ${var.node} and $${literal}
      indented line
  EOT

  lifecycle {
    ignore_changes = [description]
  }
}

/* block
   comment */
output "ids" {
  value = { for k, v in proxmox_virtual_environment_vm.many : k => v.vm_id }
}

output "splat" {
  value = proxmox_virtual_environment_vm.many[*].id
}

output "math" {
  value = -1.5e3 + (2 * 3) % 4
}

output "tpl" {
  value = "%{ for n in local.names }${n},%{ endfor }"
}
