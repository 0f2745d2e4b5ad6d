package dev.proxmoxmpc.plugin.terraform.mapping;

/** The value of an attribute the importer could not evaluate: the field keeps its base value. */
public enum Unknown {
    VALUE
}
