package dev.proxmoxmpc.spi.console;

/** Text styles; the console drops them when colour is off ({@code NO_COLOR}, not a terminal, {@code --no-color}). */
public enum Style { BOLD, DIM, RED, GREEN, YELLOW, BLUE, CYAN }
