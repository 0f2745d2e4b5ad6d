package dev.proxmoxmpc.plugin.terraform.importer;

import dev.proxmoxmpc.plugin.terraform.parse.Ast;

/** A parsed .tf file and its project-relative name (for {@code file:line} in diagnostics). */
record ParsedFile(String name, Ast.Body body) {
    String at(int line) {
        return name + ":" + line;
    }
}
