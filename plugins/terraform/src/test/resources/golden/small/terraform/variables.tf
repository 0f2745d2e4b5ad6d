# Inputs. Values per environment live in environments/<env>.tfvars; the API token never does:
# export TF_VAR_api_token='user@realm!tokenid=secret' (or PROXMOX_VE_API_TOKEN).
variable "endpoint" {
  description = "Proxmox VE API URL, e.g. https://pve.example.com:8006/ (without /api2/json)"
  type        = string
  default     = "https://pve1.demo.lan:8006/"
}

variable "api_token" {
  description = "API token 'user@realm!tokenid=uuid'; set TF_VAR_api_token, never commit it"
  type        = string
  sensitive   = true
  default     = null
}

variable "insecure" {
  description = "Skip TLS verification (self-signed certificates)"
  type        = bool
  default     = false
}

variable "environment" {
  description = "Name of the proxmox-mpc environment these files were generated for"
  type        = string
  default     = "default"
}

variable "storage_backup_password" {
  description = "The password of storage backup (PVE never returns it): set TF_VAR_storage_backup_password, never commit it"
  type        = string
  sensitive   = true
}

variable "storage_backup_encryption_key" {
  description = "The encryption key of storage backup (PVE never returns it): set TF_VAR_storage_backup_encryption_key, never commit it"
  type        = string
  sensitive   = true
}

variable "storage_smb_password" {
  description = "The password of storage smb (PVE never returns it): set TF_VAR_storage_smb_password, never commit it"
  type        = string
  sensitive   = true
}
