package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;

/** Someone else holds a state lock: the message names who and since when. */
@API(status = STABLE, since = "1.0")
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
