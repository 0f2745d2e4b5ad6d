/**
 * The proxmox-mpc service provider interface: the only types a plugin compiles against.
 *
 * <p>Stability: everything in this package tree is public API, versioned by {@link dev.proxmoxmpc.spi.SpiVersion}.
 * It evolves compatibly within a minor line: new record components at the end (old constructors kept),
 * new interface methods only as {@code default} methods. No {@code null} crosses the SPI: absent strings are
 * {@code ""}, absent values are {@link java.util.Optional#empty()} or empty collections.
 */
package dev.proxmoxmpc.spi;
