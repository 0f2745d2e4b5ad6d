package dev.proxmoxmpc.spi.state;

import java.time.Instant;

/** Someone else holds a state lock: the message names who and since when. */
public class LockHeldException extends StateException {
    private static final long serialVersionUID = 1L;
    private final String holder;
    private final Instant since;

    public LockHeldException(String name, String holder, Instant since) {
        super("the " + name + " lock is held by " + holder + " since " + since
                + "; wait for it to finish, or remove a stale lock with /unlock " + name);
        this.holder = holder;
        this.since = since;
    }

    public String holder() {
        return holder;
    }

    public Instant since() {
        return since;
    }
}
