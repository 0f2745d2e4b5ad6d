-- proxmox-mpc state, schema 1: the three inventories, the event log, snapshots and sync runs.
CREATE TABLE inventories (
    kind     TEXT PRIMARY KEY CHECK (kind IN ('observed', 'desired', 'base')),
    cluster  TEXT NOT NULL,
    saved_at TEXT NOT NULL
);

CREATE TABLE nodes (
    kind           TEXT    NOT NULL REFERENCES inventories (kind) ON DELETE CASCADE,
    name           TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    max_cpu        INTEGER NOT NULL,
    max_memory     BIGINT  NOT NULL,
    max_disk       BIGINT  NOT NULL,
    uptime_seconds BIGINT  NOT NULL,
    level          TEXT    NOT NULL,
    PRIMARY KEY (kind, name)
);

CREATE TABLE guests (
    kind    TEXT    NOT NULL REFERENCES inventories (kind) ON DELETE CASCADE,
    vmid    INTEGER NOT NULL CHECK (vmid BETWEEN 100 AND 999999999),
    type    TEXT    NOT NULL CHECK (type IN ('qemu', 'lxc')),
    node    TEXT    NOT NULL,
    name    TEXT    NOT NULL,
    status  TEXT    NOT NULL,
    cores   INTEGER,
    memory  BIGINT,
    pool    TEXT    NOT NULL,
    tags    TEXT    NOT NULL,
    config  TEXT    NOT NULL,
    runtime TEXT    NOT NULL,
    PRIMARY KEY (kind, vmid)
);
CREATE INDEX guests_by_name ON guests (kind, name);

CREATE TABLE storages (
    kind   TEXT NOT NULL REFERENCES inventories (kind) ON DELETE CASCADE,
    id     TEXT NOT NULL,
    type   TEXT NOT NULL,
    config TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE TABLE networks (
    kind   TEXT NOT NULL REFERENCES inventories (kind) ON DELETE CASCADE,
    node   TEXT NOT NULL,
    iface  TEXT NOT NULL,
    type   TEXT NOT NULL,
    config TEXT NOT NULL,
    PRIMARY KEY (kind, node, iface)
);

CREATE TABLE pools (
    kind    TEXT NOT NULL REFERENCES inventories (kind) ON DELETE CASCADE,
    id      TEXT NOT NULL,
    comment TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE TABLE events (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    time   TEXT NOT NULL,
    type   TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

CREATE TABLE snapshots (
    id         TEXT PRIMARY KEY,
    time       TEXT    NOT NULL,
    cause      TEXT    NOT NULL,
    nodes      INTEGER NOT NULL,
    vms        INTEGER NOT NULL,
    containers INTEGER NOT NULL,
    document   TEXT    NOT NULL
);

CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    time        TEXT    NOT NULL,
    environment TEXT    NOT NULL,
    nodes       INTEGER NOT NULL,
    vms         INTEGER NOT NULL,
    containers  INTEGER NOT NULL,
    drifted     INTEGER NOT NULL,
    conflicts   INTEGER NOT NULL
);
