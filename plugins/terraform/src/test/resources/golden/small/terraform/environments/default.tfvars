# Environment "default". No secrets here: the API token comes from TF_VAR_api_token or PROXMOX_VE_API_TOKEN.
endpoint    = "https://pve1.demo.lan:8006/"
insecure    = false
environment = "default"
