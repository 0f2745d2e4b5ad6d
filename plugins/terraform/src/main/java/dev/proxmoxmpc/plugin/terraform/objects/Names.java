package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.ResourceNames;
import java.util.HashSet;
import java.util.Set;

/** Unique Terraform resource names within one file: {@code daily}, {@code daily_2}. */
public final class Names {
    private final Set<String> used = new HashSet<>();

    /** @return a valid, unused name made from {@code raw} ({@code fallback} when nothing of it is usable) */
    public String of(String raw, String fallback) {
        String name = ResourceNames.of(raw, fallback);
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }
}
