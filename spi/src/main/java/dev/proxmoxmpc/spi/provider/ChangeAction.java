package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** What a {@link Change} does. The option keys each action reads are constants on {@link Change}. */
@API(status = STABLE, since = "1.0")
public enum ChangeAction {
    /** Create a guest, network or storage from {@link Change#settings()}; VM from a template with {@link Change#OPT_CLONE_FROM}. */
    CREATE,
    /** Set {@link Change#settings()} and remove {@link Change#deletions()}; digest-checked with {@link Change#OPT_DIGEST}. */
    UPDATE,
    /** Remove; a running guest is stopped first; {@link Change#OPT_PURGE}, {@link Change#OPT_FORCE}. */
    DELETE,
    /** Clone {@link Change#OPT_SOURCE} to the target VMID; {@link Change#OPT_FULL}, {@link Change#OPT_STORAGE}. */
    CLONE,
    /** Move to {@link Change#OPT_TARGET_NODE}; online when running. */
    MIGRATE,
    START,
    STOP,
    SHUTDOWN,
    /** Grow disk {@link Change#OPT_DISK} to {@link Change#OPT_SIZE}. */
    RESIZE,
    /** Take a guest snapshot named {@link Change#OPT_SNAPSHOT}. */
    SNAPSHOT,
    /** Roll a guest back to snapshot {@link Change#OPT_SNAPSHOT}. */
    ROLLBACK,
    /** vzdump a guest to {@link Change#OPT_STORAGE}. */
    BACKUP,
    /** Restore a guest from backup archive {@link Change#OPT_ARCHIVE}. */
    RESTORE
}
