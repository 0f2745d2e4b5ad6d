package dev.proxmoxmpc.plugin.sync.merge;

/** Which version wins a conflict. */
public enum Side { LOCAL, SERVER }
