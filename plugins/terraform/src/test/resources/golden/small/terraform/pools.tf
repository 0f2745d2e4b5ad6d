# Resource pools. Membership is set on the guests (pool_id).

resource "proxmox_virtual_environment_pool" "prod" {
  pool_id = "prod"
  comment = "Production"
}
