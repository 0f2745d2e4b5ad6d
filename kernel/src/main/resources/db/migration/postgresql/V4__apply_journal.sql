-- proxmox-mpc state, schema 4: the apply journal. Each change of an /apply is written here as an intent before it
-- is sent to the server and rewritten with its outcome after; an intent left by a killed process is reconciled with
-- the server on the next run.
CREATE TABLE apply_journal (
    run_id  TEXT    NOT NULL,
    seq     INTEGER NOT NULL,
    time    TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT    NOT NULL,
    node    TEXT    NOT NULL,
    summary TEXT    NOT NULL,
    status  TEXT    NOT NULL,
    detail  TEXT    NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE INDEX apply_journal_status ON apply_journal (status);
