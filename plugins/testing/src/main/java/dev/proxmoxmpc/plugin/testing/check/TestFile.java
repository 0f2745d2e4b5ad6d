package dev.proxmoxmpc.plugin.testing.check;

import java.util.List;
import java.util.Objects;

/**
 * A {@code *.test.yml} file: checks about one guest (its {@code guest}/{@code vmid}), or about the cluster.
 *
 * @param path   project-relative ({@code tests/vms/web-01.test.yml})
 * @param guest  the guest the checks are about by default, or {@code ""}
 * @param vmid   its VMID, or 0
 * @param checks the checks, in file order
 */
public record TestFile(String path, String guest, int vmid, List<Check> checks) {
    public TestFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(guest, "guest");
        checks = List.copyOf(checks);
    }
}
