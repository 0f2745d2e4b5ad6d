/**
 * The machinery that turns a command line into a run of a declared {@code ConsoleCommand}: line splitting, global
 * flags, the picocli adapter (parsing, usage text, completion). Shared by the kernel and the test kit so that a
 * plugin's tests see what users see. Not for plugins: they declare commands and never call this package.
 */
package dev.proxmoxmpc.spi.command.internal;
