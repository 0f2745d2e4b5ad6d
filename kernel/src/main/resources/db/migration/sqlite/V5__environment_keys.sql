-- proxmox-mpc state, schema 5: each environment has its own observed and base state, snapshots, apply journal and
-- locks; the desired state stays one per project.
--
-- The new key column is `environment`:
--   inventories   PRIMARY KEY (kind, environment)              desired rows: environment = '' (shared by all)
--   nodes         PRIMARY KEY (kind, environment, name)         FOREIGN KEY (kind, environment) -> inventories
--   guests        PRIMARY KEY (kind, environment, vmid)         (ON DELETE CASCADE ON UPDATE CASCADE)
--   storages      PRIMARY KEY (kind, environment, id)
--   networks      PRIMARY KEY (kind, environment, node, iface)
--   pools         PRIMARY KEY (kind, environment, id)
--   locks         PRIMARY KEY (name, environment)
--   snapshots     + environment (the id stays the key)
--   apply_journal + environment (run_id, seq stay the key)
--   sync_runs     had its environment column already
-- Rows written before this schema belong to the project's default environment: the environment of the newest sync
-- run, or '' when there was none; the kernel gives '' rows to the current environment when it opens the project.
-- The shared desired state always has environment = ''.

-- The environment the existing rows belong to.
CREATE TEMPORARY TABLE v5_default AS
    SELECT COALESCE((SELECT environment FROM sync_runs ORDER BY id DESC LIMIT 1), '') AS environment;

ALTER TABLE inventories RENAME TO inventories_v4;
CREATE TABLE inventories (
    kind        TEXT NOT NULL CHECK (kind IN ('observed', 'desired', 'base')),
    environment TEXT NOT NULL,
    cluster     TEXT NOT NULL,
    saved_at    TEXT NOT NULL,
    PRIMARY KEY (kind, environment),
    CHECK (kind <> 'desired' OR environment = '')
);
INSERT INTO inventories (kind, environment, cluster, saved_at)
    SELECT kind, CASE WHEN kind = 'desired' THEN '' ELSE (SELECT environment FROM v5_default) END, cluster, saved_at
    FROM inventories_v4;

ALTER TABLE nodes RENAME TO nodes_v4;
CREATE TABLE nodes (
    kind           TEXT    NOT NULL,
    environment    TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    max_cpu        INTEGER NOT NULL,
    max_memory     BIGINT  NOT NULL,
    max_disk       BIGINT  NOT NULL,
    uptime_seconds BIGINT  NOT NULL,
    level          TEXT    NOT NULL,
    PRIMARY KEY (kind, environment, name),
    FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment) ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO nodes (kind, environment, name, status, max_cpu, max_memory, max_disk, uptime_seconds, level)
    SELECT kind, CASE WHEN kind = 'desired' THEN '' ELSE (SELECT environment FROM v5_default) END,
           name, status, max_cpu, max_memory, max_disk, uptime_seconds, level
    FROM nodes_v4;
DROP TABLE nodes_v4;

ALTER TABLE guests RENAME TO guests_v4;
DROP INDEX guests_by_name;
CREATE TABLE guests (
    kind        TEXT    NOT NULL,
    environment TEXT    NOT NULL,
    vmid        INTEGER NOT NULL CHECK (vmid BETWEEN 100 AND 999999999),
    type        TEXT    NOT NULL CHECK (type IN ('qemu', 'lxc')),
    node        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    cores       INTEGER,
    memory      BIGINT,
    pool        TEXT    NOT NULL,
    tags        TEXT    NOT NULL,
    config      TEXT    NOT NULL,
    runtime     TEXT    NOT NULL,
    PRIMARY KEY (kind, environment, vmid),
    FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment) ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO guests (kind, environment, vmid, type, node, name, status, cores, memory, pool, tags, config, runtime)
    SELECT kind, CASE WHEN kind = 'desired' THEN '' ELSE (SELECT environment FROM v5_default) END,
           vmid, type, node, name, status, cores, memory, pool, tags, config, runtime
    FROM guests_v4;
DROP TABLE guests_v4;
CREATE INDEX guests_by_name ON guests (kind, environment, name);

ALTER TABLE storages RENAME TO storages_v4;
CREATE TABLE storages (
    kind        TEXT NOT NULL,
    environment TEXT NOT NULL,
    id          TEXT NOT NULL,
    type        TEXT NOT NULL,
    config      TEXT NOT NULL,
    PRIMARY KEY (kind, environment, id),
    FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment) ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO storages (kind, environment, id, type, config)
    SELECT kind, CASE WHEN kind = 'desired' THEN '' ELSE (SELECT environment FROM v5_default) END, id, type, config
    FROM storages_v4;
DROP TABLE storages_v4;

ALTER TABLE networks RENAME TO networks_v4;
CREATE TABLE networks (
    kind        TEXT NOT NULL,
    environment TEXT NOT NULL,
    node        TEXT NOT NULL,
    iface       TEXT NOT NULL,
    type        TEXT NOT NULL,
    config      TEXT NOT NULL,
    PRIMARY KEY (kind, environment, node, iface),
    FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment) ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO networks (kind, environment, node, iface, type, config)
    SELECT kind, CASE WHEN kind = 'desired' THEN '' ELSE (SELECT environment FROM v5_default) END, node, iface, type, config
    FROM networks_v4;
DROP TABLE networks_v4;

ALTER TABLE pools RENAME TO pools_v4;
CREATE TABLE pools (
    kind        TEXT NOT NULL,
    environment TEXT NOT NULL,
    id          TEXT NOT NULL,
    comment     TEXT NOT NULL,
    PRIMARY KEY (kind, environment, id),
    FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment) ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO pools (kind, environment, id, comment)
    SELECT kind, CASE WHEN kind = 'desired' THEN '' ELSE (SELECT environment FROM v5_default) END, id, comment
    FROM pools_v4;
DROP TABLE pools_v4;

DROP TABLE inventories_v4;

ALTER TABLE locks RENAME TO locks_v4;
CREATE TABLE locks (
    name        TEXT   NOT NULL,
    environment TEXT   NOT NULL,
    owner       TEXT   NOT NULL,
    pid         BIGINT NOT NULL,
    host        TEXT   NOT NULL,
    since       TEXT   NOT NULL,
    PRIMARY KEY (name, environment)
);
INSERT INTO locks (name, environment, owner, pid, host, since)
    SELECT name, (SELECT environment FROM v5_default), owner, pid, host, since FROM locks_v4;
DROP TABLE locks_v4;

ALTER TABLE snapshots ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE snapshots SET environment = (SELECT environment FROM v5_default);
CREATE INDEX snapshots_by_environment ON snapshots (environment, time);

ALTER TABLE apply_journal ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE apply_journal SET environment = (SELECT environment FROM v5_default);

CREATE INDEX sync_runs_by_environment ON sync_runs (environment, id);

DROP TABLE v5_default;
