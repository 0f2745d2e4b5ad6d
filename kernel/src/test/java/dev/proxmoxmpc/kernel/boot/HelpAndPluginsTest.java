package dev.proxmoxmpc.kernel.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpAndPluginsTest {
    @TempDir
    Path dir;
    KernelRun kernel;

    @BeforeEach
    void setUp() throws IOException {
        kernel = new KernelRun(Files.createDirectories(dir.resolve("work")), Files.createDirectories(dir.resolve("home")))
                .extensions(TestCommands.all().toArray());
    }

    @Test
    void helpListsCommandsGroupedByPluginWithSummaries() {
        KernelRun.Result r = kernel.run("-c", "/help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("kernel\n").contains("  /help ").contains("\nembedded\n")
                .containsPattern("  /echo +Print the words").contains("/list vms");
        assertThat(r.out().indexOf("/version")).isLessThan(r.out().indexOf("\nembedded\n"));
    }

    @Test
    void helpForOneCommandShowsUsageSummaryAndExamples() {
        KernelRun.Result r = kernel.run("help", "run");
        assertThat(r.out()).startsWith("/run FILE [--keep-going]\n").contains("examples:").contains("/run nightly.mpc");
        assertThat(kernel.run("help", "list", "vms").out()).startsWith("/list vms\n").contains("aliases: /ls vms");
    }

    @Test
    void helpForTheFirstWordOfMultiWordCommandsListsThem() {
        KernelRun.Result r = kernel.run("help", "ls");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("embedded\n  /list vms ").contains("(ls vms)").hasLineCount(2);
    }

    @Test
    void dashDashHelpAfterAnyCommandShowsItsHelp() {
        assertThat(kernel.run("-c", "run --help").out()).startsWith("/run FILE [--keep-going]\n");
        assertThat(kernel.run("echo", "--", "--help").out()).isEqualTo("--help\n");
    }

    @Test
    void helpForAnUnknownCommandSuggests() {
        KernelRun.Result r = kernel.run("help", "pluginz");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("did you mean /plugins?");
    }

    @Test
    void helpJsonListsEveryCommand() {
        KernelRun.Result r = kernel.run("help", "--json");
        assertThat(r.out()).startsWith("[ {").contains("\"name\" : \"echo\"").contains("\"plugin\" : \"embedded\"");
        KernelRun.Result family = kernel.run("help", "ls", "--json");
        assertThat(family.out()).startsWith("[ {").contains("\"name\" : \"list vms\"").doesNotContain("\"name\" : \"echo\"");
        assertThat(kernel.run("help", "run", "--json").out()).startsWith("{").contains("\"usage\" : \"run FILE [--keep-going]\"");
    }

    @Test
    void helpMarkdownIsTheCommandReference() {
        KernelRun.Result r = kernel.run("help", "--markdown");
        assertThat(r.out()).startsWith("# Command reference").contains("## Plugin `kernel`").contains("### /run");
    }

    @Test
    void pluginsListsTheKernelsBuiltIns() {
        KernelRun.Result r = kernel.run("plugins");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).matches("PLUGIN +VERSION +STATE +EXTENSIONS +LOADED FROM");
        assertThat(r.out()).containsPattern("kernel +\\S+ +built-in +\\d+ commands +\\S");
        assertThat(kernel.run("plugins", "--json").out()).contains("\"state\" : \"built-in\"");
    }
}
