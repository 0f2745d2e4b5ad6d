package dev.proxmoxmpc.plugin.sync.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.render.Counts;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncViewTest {

    private static SyncResult result(List<Diagnostic> diagnostics) {
        return new SyncResult(new Counts(1, 2, 0, 0, 2, 0), List.of(), List.of(), 3, 0, 0, List.of(), List.of(),
                diagnostics, 0, "20261126-000000-sync");
    }

    @Test
    void warningsAreAllShownNotesOnlyTheFirstFewThenCounted() {
        List<Diagnostic> diags = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            diags.add(Diagnostic.info("not expressed in this file (kept in proxmox-mpc state): ostype", "ct" + i + ".tf"));
        }
        diags.add(Diagnostic.warning("skipped a thing", "a.tf"));
        diags.add(Diagnostic.warning("skipped another", "b.tf"));
        RecordingConsole console = new RecordingConsole();
        SyncView.render(console, result(diags));
        String all = console.output() + console.errors();
        assertThat(all).contains("a.tf: skipped a thing", "b.tf: skipped another", "ct1.tf: ", "ct3.tf: ")
                .doesNotContain("ct4.tf", "ct5.tf").contains("... and 2 more notes (/sync --json lists them all)");
    }

    @Test
    void fewNotesAreShownWithoutACount() {
        RecordingConsole console = new RecordingConsole();
        SyncView.render(console, result(List.of(Diagnostic.info("kept in state: ostype", "ct1.tf"))));
        assertThat(console.output() + console.errors()).contains("ct1.tf: kept in state: ostype").doesNotContain("more notes");
    }
}
