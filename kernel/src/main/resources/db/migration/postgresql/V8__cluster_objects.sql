-- proxmox-mpc state, schema 8: every other cluster configuration object (backup and replication jobs, HA, firewall,
-- SDN, access), one row each, keyed like the other inventory tables plus its kind, scope and id (ClusterObject).
CREATE TABLE objects (
    kind        TEXT NOT NULL,
    environment TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    scope       TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    config      TEXT NOT NULL,
    PRIMARY KEY (kind, environment, object_kind, scope, object_id),
    FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment) ON DELETE CASCADE ON UPDATE CASCADE
);
