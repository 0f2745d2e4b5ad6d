# IDs and addresses of the managed guests, keyed by resource name.

output "vm_ids" {
  value = {
    debian_12_template = proxmox_virtual_environment_vm.debian_12_template.vm_id
    web_01             = proxmox_virtual_environment_vm.web_01.vm_id
    web_01_102         = proxmox_virtual_environment_vm.web_01_102.vm_id
  }
}

output "vm_ipv4_addresses" {
  description = "Addresses reported by the QEMU guest agent"
  value = {
    debian_12_template = proxmox_virtual_environment_vm.debian_12_template.ipv4_addresses
    web_01             = proxmox_virtual_environment_vm.web_01.ipv4_addresses
    web_01_102         = proxmox_virtual_environment_vm.web_01_102.ipv4_addresses
  }
}

output "container_ids" {
  value = {
    dns_1 = proxmox_virtual_environment_container.dns_1.vm_id
  }
}

output "container_ipv4_addresses" {
  value = {
    dns_1 = proxmox_virtual_environment_container.dns_1.ipv4
  }
}
