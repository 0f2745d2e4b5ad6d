package dev.proxmoxmpc.plugin.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.CapturedRun;
import dev.proxmoxmpc.spi.command.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRunnerTest {
    private final List<String> lines = new ArrayList<>();
    private final Redaction redaction = new Redaction(() -> List.of("s3cr3t-value"));

    private ToolRunner runner(CapturedRun... answers) {
        List<CapturedRun> queue = new ArrayList<>(List.of(answers));
        return new ToolRunner(line -> {
            lines.add(line);
            return queue.remove(0);
        }, redaction);
    }

    @Test
    void aReadToolRunsItsLineWithJsonAndAnswersTheDocument() {
        CommandTool status = Declarations.tool(new SampleCommands.Status()).orElseThrow();
        ToolOutcome o = runner(new CapturedRun(CommandResult.ok(), "{\"vms\": 12, \"token\": \"s3cr3t-value\"}\n", ""))
                .run(status, Map.of(), false);
        assertThat(lines).containsExactly("status --json");
        assertThat(o.error()).isFalse();
        assertThat(o.structured()).containsEntry("vms", 12).containsEntry("token", "***");
        assertThat(o.text()).doesNotContain("s3cr3t-value");
    }

    @Test
    void anArrayDocumentIsWrappedAndAFailureIsItsOneLine() {
        CommandTool status = Declarations.tool(new SampleCommands.Status()).orElseThrow();
        ToolOutcome list = runner(new CapturedRun(CommandResult.ok(), "[1, 2]", "")).run(status, Map.of(), false);
        assertThat(list.structured()).containsEntry("result", List.of(1, 2));
        ToolOutcome failed = runner(new CapturedRun(CommandResult.failure("x"), "",
                "Syncing ...\nerror: no VM 999 in the desired state; list vms shows them\n")).run(status, Map.of(), false);
        assertThat(failed.error()).isTrue();
        assertThat(failed.text()).isEqualTo("no VM 999 in the desired state; list vms shows them");
    }

    @Test
    void aDesiredStateToolAnswersWithThePlanThatResults() {
        CommandTool scale = Declarations.tool(new SampleCommands.Scale()).orElseThrow();
        ToolOutcome o = runner(new CapturedRun(CommandResult.ok(), "{\"changed\": [\"100\"]}", ""),
                new CapturedRun(CommandResult.changesPending(), "{\"summary\": \"Plan: 0 to create, 1 to update\"}", ""))
                .run(scale, Map.of("vmid_or_name", "100", "cores", 4), false);
        assertThat(lines).containsExactly("scale vm --cores=4 100 --json --yes", "plan --json");
        assertThat(o.structured()).containsKeys("result", "plan");
        assertThat((Map<String, Object>) o.structured().get("plan")).containsEntry("changes_pending", true);
    }

    @Test
    void aServerChangingToolNeverRunsUnconfirmed() {
        CommandTool rollback = Declarations.tool(new SampleCommands.Rollback()).orElseThrow();
        ToolOutcome o = runner().run(rollback, Map.of("snapshot_id", "s1"), false);
        assertThat(o.error()).isTrue();
        assertThat(lines).isEmpty();
        ToolOutcome yes = runner(new CapturedRun(CommandResult.ok(), "{}", "")).run(rollback, Map.of("snapshot_id", "s1"), true);
        assertThat(yes.error()).isFalse();
        assertThat(lines).containsExactly("rollback s1 --json --yes");
    }
}
