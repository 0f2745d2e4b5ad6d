package dev.proxmoxmpc.plugin.simulator.http;

/** A {@code data} value with a sibling {@code total}, as task logs and task lists answer. */
public record Envelope(Object data, long total) {
}
