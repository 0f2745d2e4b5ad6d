-- proxmox-mpc state, schema 3: the snapshot document is also kept in the database, so a team sharing one
-- PostgreSQL state can return to a snapshot another machine took (its history/ file is local to that machine).
ALTER TABLE snapshots ADD COLUMN content TEXT;
