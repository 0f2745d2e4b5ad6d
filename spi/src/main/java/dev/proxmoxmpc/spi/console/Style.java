package dev.proxmoxmpc.spi.console;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Text styles; the console drops them when colour is off ({@code NO_COLOR}, not a terminal, {@code --no-color}). */
@API(status = STABLE, since = "1.0")
public enum Style { BOLD, DIM, RED, GREEN, YELLOW, BLUE, CYAN }
