package dev.proxmoxmpc.kernel.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

class CommandRegistryTest {
    /** A command declared in code: its name and aliases are the record's. */
    record Cmd(String name, List<String> aliases) implements ConsoleCommand {
        @Override
        public Optional<CommandSpec> declaration() {
            return Optional.of(CommandSpec.create().name(name).aliases(aliases.toArray(String[]::new)));
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }

    private static CommandRegistry registry() {
        CommandRegistry r = new CommandRegistry();
        r.register(new Cmd("sync", List.of()), "sync");
        r.register(new Cmd("list", List.of("ls")), "resources");
        r.register(new Cmd("list vms", List.of()), "resources");
        r.register(new Cmd("create vm", List.of()), "resources");
        r.register(new Cmd("Plan", List.of()), "sync");
        return r;
    }

    private static String matched(CommandRegistry r, String... words) {
        return r.match(List.of(words)).map(m -> m.command().name() + "|" + String.join(" ", m.args())).orElse("none");
    }

    @Test
    void theLongestNameWins() {
        CommandRegistry r = registry();
        assertThat(matched(r, "list", "vms", "--json")).isEqualTo("list vms|--json");
        assertThat(matched(r, "list", "nodes")).isEqualTo("list|nodes");
        assertThat(matched(r, "create", "vm", "web")).isEqualTo("create vm|web");
        assertThat(matched(r, "create")).isEqualTo("none");
    }

    @Test
    void aFamilysShortAliasRunsItsDefaultMemberAndAMistypedMemberSuggestsTheClosest() {
        CommandRegistry r = new CommandRegistry();
        r.register(new Cmd("workspace list", List.of("workspace", "ws")), "kernel");
        r.register(new Cmd("workspace switch", List.of()), "kernel");
        r.register(new Cmd("workspace clone", List.of()), "kernel");
        assertThat(matched(r, "workspace")).isEqualTo("workspace list|");
        assertThat(matched(r, "workspace", "--json")).isEqualTo("workspace list|--json");
        assertThat(matched(r, "workspace", "switch", "lab")).isEqualTo("workspace switch|lab");
        assertThat(matched(r, "workspace", "lsit")).isEqualTo("none");
        assertThat(r.unknownMessage(List.of("workspace", "lsit")))
                .isEqualTo("unknown command 'workspace lsit'; did you mean /workspace list?");
        assertThat(r.unknownMessage(List.of("workspace", "frobnicate")))
                .isEqualTo("unknown command 'workspace frobnicate'; did you mean /workspace clone, /workspace list, /workspace switch?");
    }

    @Test
    void theSlashIsOptionalAndNamesAreCaseInsensitive() {
        CommandRegistry r = registry();
        assertThat(matched(r, "/sync")).isEqualTo("sync|");
        assertThat(matched(r, "SYNC")).isEqualTo("sync|");
        assertThat(matched(r, "/plan", "x")).isEqualTo("plan|x");
        assertThat(matched(r, "/LIST", "VMs")).isEqualTo("list vms|");
    }

    @Test
    void aliasesResolveToTheirCommand() {
        assertThat(matched(registry(), "ls", "x")).isEqualTo("list|x");
    }

    @Test
    void suggestsTheClosestCommand() {
        CommandRegistry r = registry();
        assertThat(r.unknownMessage(List.of("synk"))).isEqualTo("unknown command 'synk'; did you mean /sync?");
        assertThat(r.unknownMessage(List.of("/pln"))).isEqualTo("unknown command '/pln'; did you mean /plan?");
        assertThat(r.unknownMessage(List.of("creat", "vm"))).isEqualTo("unknown command 'creat'; did you mean /create vm?");
        assertThat(r.unknownMessage(List.of("xyzzy"))).isEqualTo("unknown command 'xyzzy'; type /help for the list");
        assertThat(r.unknownMessage(List.of("create"))).isEqualTo("unknown command 'create'; did you mean /create vm?");
        assertThat(r.unknownMessage(List.of("create", "vn", "web")))
                .isEqualTo("unknown command 'create vn'; did you mean /create vm?");
    }

    @Test
    void aDuplicateNameIsReportedAndTheFirstKeepsIt() {
        CommandRegistry r = registry();
        Cmd other = new Cmd("sync", List.of("ls"));
        r.register(other, "third-party");
        assertThat(r.match(List.of("sync")).orElseThrow().command().pluginId()).isEqualTo("sync");
        assertThat(r.problems()).singleElement().asString()
                .startsWith("duplicate command 'sync': plugin 'third-party'").endsWith("plugin 'sync' keeps it");
    }

    @Test
    void listsCommandsByPluginThenName() {
        CommandRegistry r = registry();
        r.register(new Cmd("help", List.of()), "kernel");
        assertThat(r.commands().stream().map(c -> c.pluginId() + ":" + c.name()).toList()).containsExactly(
                "kernel:help", "resources:create vm", "resources:list", "resources:list vms", "sync:plan", "sync:sync");
    }
}
