/**
 * The proxmox-mpc service provider interface: the only types a plugin compiles against.
 *
 * <p>Stability: every public type states its status with {@code @API(status = STABLE | EXPERIMENTAL | INTERNAL)}
 * (apiguardian, as JUnit 5 does). {@code INTERNAL} types, such as {@link dev.proxmoxmpc.spi.SpiVersion}, serve the
 * kernel and are not for plugins. The published API is versioned by the SPI version (a plugin's
 * {@code Plugin-Requires}); the build checks it against a recorded baseline with japicmp.
 * It evolves compatibly within a minor line: new record components at the end (old constructors kept),
 * new interface methods only as {@code default} methods. No {@code null} crosses the SPI: absent strings are
 * {@code ""}, absent values are {@link java.util.Optional#empty()} or empty collections.
 */
package dev.proxmoxmpc.spi;
