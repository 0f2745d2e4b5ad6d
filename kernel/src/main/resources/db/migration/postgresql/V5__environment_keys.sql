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

CREATE TEMPORARY TABLE v5_default ON COMMIT DROP AS
    SELECT COALESCE((SELECT environment FROM sync_runs ORDER BY id DESC LIMIT 1), '') AS environment;

ALTER TABLE nodes DROP CONSTRAINT nodes_kind_fkey;
ALTER TABLE guests DROP CONSTRAINT guests_kind_fkey;
ALTER TABLE storages DROP CONSTRAINT storages_kind_fkey;
ALTER TABLE networks DROP CONSTRAINT networks_kind_fkey;
ALTER TABLE pools DROP CONSTRAINT pools_kind_fkey;

ALTER TABLE inventories ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE inventories SET environment = (SELECT environment FROM v5_default) WHERE kind <> 'desired';
ALTER TABLE inventories ALTER COLUMN environment DROP DEFAULT,
    DROP CONSTRAINT inventories_pkey,
    ADD PRIMARY KEY (kind, environment),
    ADD CONSTRAINT inventories_desired_shared CHECK (kind <> 'desired' OR environment = '');

ALTER TABLE nodes ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE nodes SET environment = (SELECT environment FROM v5_default) WHERE kind <> 'desired';
ALTER TABLE nodes ALTER COLUMN environment DROP DEFAULT,
    DROP CONSTRAINT nodes_pkey,
    ADD PRIMARY KEY (kind, environment, name),
    ADD CONSTRAINT nodes_inventory_fkey FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment)
        ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE guests ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE guests SET environment = (SELECT environment FROM v5_default) WHERE kind <> 'desired';
DROP INDEX guests_by_name;
ALTER TABLE guests ALTER COLUMN environment DROP DEFAULT,
    DROP CONSTRAINT guests_pkey,
    ADD PRIMARY KEY (kind, environment, vmid),
    ADD CONSTRAINT guests_inventory_fkey FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment)
        ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX guests_by_name ON guests (kind, environment, name);

ALTER TABLE storages ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE storages SET environment = (SELECT environment FROM v5_default) WHERE kind <> 'desired';
ALTER TABLE storages ALTER COLUMN environment DROP DEFAULT,
    DROP CONSTRAINT storages_pkey,
    ADD PRIMARY KEY (kind, environment, id),
    ADD CONSTRAINT storages_inventory_fkey FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment)
        ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE networks ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE networks SET environment = (SELECT environment FROM v5_default) WHERE kind <> 'desired';
ALTER TABLE networks ALTER COLUMN environment DROP DEFAULT,
    DROP CONSTRAINT networks_pkey,
    ADD PRIMARY KEY (kind, environment, node, iface),
    ADD CONSTRAINT networks_inventory_fkey FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment)
        ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE pools ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE pools SET environment = (SELECT environment FROM v5_default) WHERE kind <> 'desired';
ALTER TABLE pools ALTER COLUMN environment DROP DEFAULT,
    DROP CONSTRAINT pools_pkey,
    ADD PRIMARY KEY (kind, environment, id),
    ADD CONSTRAINT pools_inventory_fkey FOREIGN KEY (kind, environment) REFERENCES inventories (kind, environment)
        ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE locks ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE locks SET environment = (SELECT environment FROM v5_default);
ALTER TABLE locks ALTER COLUMN environment DROP DEFAULT,
    DROP CONSTRAINT locks_pkey,
    ADD PRIMARY KEY (name, environment);

ALTER TABLE snapshots ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE snapshots SET environment = (SELECT environment FROM v5_default);
CREATE INDEX snapshots_by_environment ON snapshots (environment, time);

ALTER TABLE apply_journal ADD COLUMN environment TEXT NOT NULL DEFAULT '';
UPDATE apply_journal SET environment = (SELECT environment FROM v5_default);

CREATE INDEX sync_runs_by_environment ON sync_runs (environment, id);
