-- proxmox-mpc state, schema 7: local reads that do not grow with the cluster. describe, list with filters, /status
-- counts and the status bar read single guests and counts through these indexes instead of loading every guest.
-- A template flag of its own, so counts need no config parsing (filled from the stored configs here, by the store
-- on every write after).
ALTER TABLE guests ADD COLUMN template INTEGER NOT NULL DEFAULT 0;
UPDATE guests SET template = 1
WHERE lower(coalesce(config::json ->> 'template', '')) IN ('1', 'on', 'yes', 'true');

CREATE INDEX guests_by_node ON guests (kind, environment, node);
CREATE INDEX guests_by_pool ON guests (kind, environment, pool);
CREATE INDEX guests_by_type ON guests (kind, environment, type, vmid);
