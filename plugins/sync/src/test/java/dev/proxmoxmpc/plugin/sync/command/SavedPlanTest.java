package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.ct;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.saved.PlanFiles;
import dev.proxmoxmpc.plugin.sync.saved.SavedPlan;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /plan --out, /show, /apply FILE and /approve against the fake server. */
class SavedPlanTest {
    @TempDir
    Path root;

    private Harness synced(String... approvalEnvironments) {
        Harness h = new Harness(root, inventory(vm(101, "web"), vm(102, "db"), ct(200, "dns")),
                b -> b.approvalRequired(approvalEnvironments));
        assertThat(h.run("sync").exitCode()).isEqualTo(ExitCode.OK);
        h.console.yes(true);
        return h;
    }

    private static void want(Harness h, Guest... guests) {
        Inventory d = h.state.load(StateKind.DESIRED);
        for (Guest g : guests) {
            d = d.withGuest(g);
        }
        h.state.save(StateKind.DESIRED, d);
    }

    private CommandResult plan(Harness h) {
        want(h, vm(101, "web", Map.of("memory", "8192")));
        CommandResult r = h.run("plan --out plan.json");
        assertThat(r.exitCode()).as(h.all()).isEqualTo(ExitCode.CHANGES_PENDING);
        assertThat(root.resolve("plan.json")).exists();
        return r;
    }

    @Test
    void theSavedPlanIsAppliedOnceAndOnlyOnce() throws Exception {
        Harness h = synced();
        plan(h);
        String file = Files.readString(root.resolve("plan.json"));
        assertThat(file).startsWith("{\n  \"format\" : \"proxmox-mpc-plan\",\n  \"format_version\" : 1,\n  \"plan\" : {")
                .contains("\"desired_revision\"", "\"digest\" : \"", "\"memory\" : \"4096\"", "\"sha256\" : \"");
        want(h, vm(102, "db", Map.of("cores", "4"))); // not in the plan: a new plan is needed for it
        CommandResult changed = h.run("apply plan.json");
        assertThat(changed.exitCode()).as(h.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(changed.message()).contains("the desired state changed since plan.json was made");

        want(h, vm(102, "db"));
        CommandResult applied = h.run("apply plan.json");
        assertThat(applied.exitCode()).as(h.all()).isEqualTo(ExitCode.OK);
        assertThat(h.server.server().guest(101).orElseThrow().value("memory")).isEqualTo("8192");
        assertThat(h.server.applied()).extracting(c -> c.action()).containsExactly(ChangeAction.UPDATE);

        CommandResult again = h.run("apply plan.json");
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(again.message()).contains("plan.json was already applied (by tester").contains("/plan --out plan.json");
        assertThat(h.state.auditEntries(50)).extracting(a -> a.action() + " " + a.result())
                .contains("plan save ok", "plan apply ok", "apply update ok").anyMatch(s -> s.startsWith("plan apply refused: plan.json was already applied"));
    }

    @Test
    void aSavedPlanCreatesAndDeletesAndACreatedGuestThatAppearedMakesItStale() {
        Harness h = synced();
        want(h, vm(105, "new"));
        h.state.save(StateKind.DESIRED, h.state.load(StateKind.DESIRED).withoutGuest(102));
        assertThat(h.run("plan --out plan.json").exitCode()).isEqualTo(ExitCode.CHANGES_PENDING);
        h.clock.advance(Duration.ofMinutes(1)); // the same plan made at the same instant is the same file, hash and all
        assertThat(h.run("plan --out other.json").exitCode()).isEqualTo(ExitCode.CHANGES_PENDING);
        assertThat(h.run("apply plan.json").exitCode()).as(h.all()).isEqualTo(ExitCode.OK);
        assertThat(h.server.server().guest(105)).isPresent();
        assertThat(h.server.server().guest(102)).isEmpty();
        CommandResult other = h.run("apply other.json");
        assertThat(other.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(h.console.errors()).contains("vm/102 db: no longer on the server (changed since the plan)",
                "vm/105 new: now exists on the server (the plan creates it) (changed since the plan)");
    }

    @Test
    void aServerChangeToATouchedGuestMakesThePlanStale() {
        Harness h = synced();
        plan(h);
        h.server.edit(vm(101, "web", Map.of("cores", "8")));
        CommandResult r = h.run("apply plan.json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.message()).contains("the plan is stale: 1 resource changed on the server", "/plan --out plan.json");
        assertThat(h.console.errors()).contains("vm/101 web: cores 2 -> 8, config digest ");
        assertThat(h.server.applied()).isEmpty();
    }

    @Test
    void aServerChangeToAnotherGuestIsLeftAlone() {
        Harness h = synced();
        plan(h);
        h.server.edit(vm(102, "db", Map.of("cores", "8")));
        assertThat(h.run("apply plan.json").exitCode()).as(h.all()).isEqualTo(ExitCode.OK);
        assertThat(h.console.errors()).contains("vm/102 db: not in the saved plan, left alone");
        assertThat(h.server.server().guest(102).orElseThrow().value("cores")).isEqualTo("8");
        assertThat(h.server.server().guest(101).orElseThrow().value("memory")).isEqualTo("8192");
    }

    @Test
    void anEditedPlanIsRefused() throws Exception {
        Harness h = synced();
        plan(h);
        Path file = root.resolve("plan.json");
        Files.writeString(file, Files.readString(file).replace("\"8192\"", "\"16384\""));
        CommandResult r = h.run("apply plan.json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.message()).contains("plan.json was edited after /plan wrote it");
        assertThat(h.server.applied()).isEmpty();
        assertThat(h.run("approve plan.json").exitCode()).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void aPlanForAnotherEnvironmentOrProjectIsRefused() throws Exception {
        Harness h = synced();
        plan(h);
        Path file = root.resolve("plan.json");
        SavedPlan saved = PlanFiles.read(file, "plan.json");
        SavedPlan.Body b = saved.plan();
        SavedPlan.Body other = new SavedPlan.Body(b.createdAt(), b.createdBy(), b.project(),
                new SavedPlan.Environment("production", b.environment().endpoint()), b.desiredRevision(), b.summary(), b.items(),
                b.diagnostics(), b.observed());
        PlanFiles.write(file, new SavedPlan(saved.format(), saved.formatVersion(), other, PlanFiles.hash(other), null));
        assertThat(h.run("apply plan.json").message()).contains("plan.json is for environment 'production', not 'default'");

        SavedPlan.Body foreign = new SavedPlan.Body(b.createdAt(), b.createdBy(), new SavedPlan.Project("elsewhere", "0123456789abcdef"),
                b.environment(), b.desiredRevision(), b.summary(), b.items(), b.diagnostics(), b.observed());
        PlanFiles.write(file, new SavedPlan(saved.format(), saved.formatVersion(), foreign, PlanFiles.hash(foreign), null));
        assertThat(h.run("apply plan.json").message()).contains("plan.json is for another project ('elsewhere'");
        assertThat(h.server.applied()).isEmpty();
    }

    @Test
    void anEnvironmentThatRequiresApprovalTakesOnlyAnApprovedPlan() throws Exception {
        Harness h = synced("default");
        want(h, vm(101, "web", Map.of("memory", "8192")));
        CommandResult plain = h.run("apply");
        assertThat(plain.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(plain.message()).contains("environment 'default' requires approval", "/approve plan.json");
        assertThat(h.run("plan --out plan.json").exitCode()).isEqualTo(ExitCode.CHANGES_PENDING);
        CommandResult unapproved = h.run("apply plan.json");
        assertThat(unapproved.message()).contains("requires approval and plan.json carries none", "/approve plan.json --by NAME");

        assertThat(h.run("approve plan.json --by alice").exitCode()).isEqualTo(ExitCode.OK);
        SavedPlan approved = PlanFiles.read(root.resolve("plan.json"), "plan.json");
        assertThat(approved.approval().by()).isEqualTo("alice");
        assertThat(approved.approval().sha256()).isEqualTo(approved.sha256()).isEqualTo(PlanFiles.hash(approved.plan()));
        assertThat(h.run("show plan.json").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.console.output()).contains("Approved by alice at ");

        assertThat(h.run("apply plan.json").exitCode()).as(h.all()).isEqualTo(ExitCode.OK);
        assertThat(h.server.server().guest(101).orElseThrow().value("memory")).isEqualTo("8192");
        assertThat(h.run("audit report --format md").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.console.output()).contains("## Environment default", "| vm/101 | update vm/101 web: memory 4096 -> 8192 | ok | tester | alice | "
                + approved.sha256().substring(0, 12) + " |");

        String synced = h.state.snapshots().get(h.state.snapshots().size() - 1).id();
        CommandResult rollback = h.run("rollback " + synced + " --yes");
        assertThat(rollback.exitCode()).as(h.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(rollback.message()).contains("environment 'default' requires approval: /rollback would change the server");
        assertThat(h.server.server().guest(101).orElseThrow().value("memory")).isEqualTo("8192");
    }

    @Test
    void anApprovalOfOtherContentIsRefused() throws Exception {
        Harness h = synced("default");
        plan(h);
        h.run("approve plan.json --by alice");
        Path file = root.resolve("plan.json");
        SavedPlan saved = PlanFiles.read(file, "plan.json");
        PlanFiles.write(file, saved.approved(new SavedPlan.Approval("alice", saved.approval().at(), "0".repeat(64))));
        assertThat(h.run("apply plan.json").message()).contains("the approval in plan.json is for another plan content");
        assertThat(h.server.applied()).isEmpty();
    }

    @Test
    void showRendersTheSavedPlanLikePlan() {
        Harness h = synced();
        want(h, vm(101, "web", Map.of("memory", "8192")), vm(103, "new", Map.of()));
        int from = h.console.output().length();
        h.run("plan --out plan.json");
        String planned = h.console.output().substring(from);
        planned = planned.substring(0, planned.indexOf("Saved the plan")).strip();
        from = h.console.output().length();
        assertThat(h.run("show plan.json").exitCode()).isEqualTo(ExitCode.OK);
        String shown = h.console.output().substring(from);
        assertThat(planned).contains("+ vm/103 new  (will be created)", "~ memory: 4096 -> 8192");
        assertThat(shown.strip()).contains("Saved plan plan.json: environment default", "Not approved").endsWith(planned);
        assertThat(h.run("show plan.json --json").exitCode()).isEqualTo(ExitCode.OK);
        Object json = h.console.jsonValues().get(h.console.jsonValues().size() - 1);
        assertThat(json).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) json).get("format")).isEqualTo("proxmox-mpc-plan");
        assertThat(((Map<?, ?>) json).get("plan")).isInstanceOf(Map.class);
    }

    @Test
    void aFileThatIsNoPlanIsAUsageError() throws Exception {
        Harness h = synced();
        Files.writeString(root.resolve("x.json"), "{\"hello\": 1}");
        Files.writeString(root.resolve("y.json"), "not json");
        assertThat(h.run("show x.json").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(h.run("apply y.json").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(h.run("show missing.json").message()).contains("no plan file missing.json");
        assertThat(h.run("apply plan.json --snapshot-guests").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(h.run("audit report --since yesterday").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void writingTheSamePlanTwiceGivesTheSameFile() {
        Harness h = synced();
        want(h, vm(101, "web", Map.of("memory", "8192")));
        h.run("plan --out a.json");
        h.run("plan --out b.json");
        assertThat(root.resolve("a.json")).hasSameTextualContentAs(root.resolve("b.json"));
    }
}
