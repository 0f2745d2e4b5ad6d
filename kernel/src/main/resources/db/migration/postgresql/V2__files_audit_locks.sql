-- proxmox-mpc state, schema 2: generated-file hashes, the audit log and named locks.
CREATE TABLE generated_files (
    path   TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64)
);

CREATE TABLE audit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time        TEXT   NOT NULL,
    os_user     TEXT   NOT NULL,
    token_id    TEXT   NOT NULL,
    action      TEXT   NOT NULL,
    target      TEXT   NOT NULL,
    result      TEXT   NOT NULL,
    duration_ms BIGINT NOT NULL
);

CREATE TABLE locks (
    name  TEXT PRIMARY KEY,
    owner TEXT   NOT NULL,
    pid   BIGINT NOT NULL,
    host  TEXT   NOT NULL,
    since TEXT   NOT NULL
);
