package dev.proxmoxmpc.plugin.simulator.http;

/** What the dispatcher asks the fault injector before answering a request. Thread-safe. */
public interface FaultPolicy {
    /** @return milliseconds to wait before handling the next request */
    long nextLatencyMs();

    /** @return whether the next request is answered with a 500 */
    boolean shouldFail();

    /** @return whether the next request's connection is closed without an answer */
    boolean shouldDrop();

    /** @return milliseconds to wait before answering a 401 */
    long unauthorizedDelayMs();

    /** @return whether calls on {@code /nodes/<node>/...} are answered 595 because the node is down */
    default boolean nodeUnreachable(String node) {
        return false;
    }
}
