package dev.proxmoxmpc.plugin.sync.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFilesTest {
    @TempDir
    Path dir;

    private static Plan plan() {
        ResourceRef ref = ResourceRef.container("pve2", 201);
        Change create = new Change(ChangeAction.CREATE, ref, Map.of("hostname", "app", "password", "hunter2", "memory", "512"),
                List.of(), Map.of(Change.OPT_STORAGE, "local-lvm"), "create ct/201 app");
        return new Plan(List.of(new PlanItem(PlanItem.Kind.CREATE, ref, "ct/201 app",
                List.of(new FieldChange("hostname", "", "app"), new FieldChange("password", "", "hunter2")), List.of(create))),
                List.of(Diagnostic.warning("node pve3 is down", "")));
    }

    private static SavedPlan saved(Plan plan) {
        SavedPlan.Body body = new SavedPlan.Body("2026-12-06T20:00:00Z", "alice", new SavedPlan.Project("infra", "0123456789abcdef"),
                new SavedPlan.Environment("production", "https://pve:8006"), "ab".repeat(32), plan.summary(), PlanCodec.items(plan),
                PlanCodec.notes(plan.diagnostics()), List.of(new SavedPlan.Observation("container/201", false, "", Map.of())));
        return new SavedPlan(SavedPlan.FORMAT, SavedPlan.VERSION, body, PlanFiles.hash(body), null);
    }

    @Test
    void secretsNeverReachTheFile() {
        String text = PlanFiles.render(saved(plan()));
        assertThat(text).doesNotContain("hunter2").contains("\"password\" : \"(secret)\"");
    }

    @Test
    void aFileReadsBackToTheSamePlanAndTheSameText() throws Exception {
        SavedPlan saved = saved(plan());
        Path file = dir.resolve("plan.json");
        PlanFiles.write(file, saved);
        SavedPlan read = PlanFiles.read(file, "plan.json");
        assertThat(read).isEqualTo(saved);
        assertThat(PlanFiles.render(read)).isEqualTo(Files.readString(file));
        assertThat(PlanFiles.hash(read.plan())).isEqualTo(saved.sha256());
        Plan back = PlanCodec.plan(read.plan());
        assertThat(back.summary()).isEqualTo(plan().summary());
        assertThat(back.items().get(0).changes().get(0).option(Change.OPT_STORAGE)).isEqualTo("local-lvm");
        assertThat(back.diagnostics()).extracting(Diagnostic::toString).containsExactly("node pve3 is down");
    }

    @Test
    void theHashFollowsTheContentNotTheLayout() throws Exception {
        SavedPlan saved = saved(plan());
        Path file = dir.resolve("plan.json");
        PlanFiles.write(file, saved);
        Files.writeString(file, Files.readString(file).replace("\n", "\n\n"));
        assertThat(PlanFiles.hash(PlanFiles.read(file, "plan.json").plan())).isEqualTo(saved.sha256());
        Files.writeString(file, Files.readString(file).replace("\"512\"", "\"1024\""));
        assertThat(PlanFiles.hash(PlanFiles.read(file, "plan.json").plan())).isNotEqualTo(saved.sha256());
    }

    @Test
    void unreadableFilesSayWhatIsWrongWithoutJavaNames() throws Exception {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, "{\"format\":\"proxmox-mpc-plan\",\"format_version\":2}");
        assertThatThrownBy(() -> PlanFiles.read(file, "plan.json")).isInstanceOf(UsageException.class)
                .hasMessageContaining("plan format version 2; this proxmox-mpc reads version 1");
        Files.writeString(file, PlanFiles.render(saved(plan())).replace("\"created_by\"", "\"made_by\""));
        assertThatThrownBy(() -> PlanFiles.read(file, "plan.json")).isInstanceOf(UsageException.class)
                .hasMessageContaining("is not a valid saved plan (").hasMessageContaining("at plan")
                .hasMessageNotContaining("dev.proxmoxmpc").hasMessageNotContaining("class");
        Files.writeString(file, "[1,");
        assertThatThrownBy(() -> PlanFiles.read(file, "plan.json")).hasMessageContaining("is not a saved plan: not JSON");
    }
}
