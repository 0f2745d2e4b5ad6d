package dev.proxmoxmpc.kernel.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shape rules of the kernel core (boot, built-ins, commands, console, context, plugins, generation, templates). */
class KernelCoreRulesTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(
                "dev.proxmoxmpc.kernel.boot", "dev.proxmoxmpc.kernel.builtin", "dev.proxmoxmpc.kernel.command",
                "dev.proxmoxmpc.kernel.console", "dev.proxmoxmpc.kernel.context", "dev.proxmoxmpc.kernel.plugin",
                "dev.proxmoxmpc.kernel.generate", "dev.proxmoxmpc.kernel.template");
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("dev.proxmoxmpc.kernel.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void onlyBootAndConsoleTouchStandardStreams() {
        noClasses().that().resideOutsideOfPackages("dev.proxmoxmpc.kernel.boot..", "dev.proxmoxmpc.kernel.console..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(core);
    }

    @Test
    void onlyTheConsoleLayerUsesJLineAndOnlyBootUsesPicocli() {
        noClasses().that().resideOutsideOfPackages("dev.proxmoxmpc.kernel.console..", "dev.proxmoxmpc.kernel.command..")
                .should().dependOnClassesThat().resideInAPackage("org.jline..").check(core);
        // Commands are declared with picocli's annotations everywhere; only boot builds a parser of its own (the
        // process's flags): a console command's words are parsed by the SPI's declaration adapter.
        noClasses().that().resideOutsideOfPackage("dev.proxmoxmpc.kernel.boot..")
                .should().callConstructor(picocli.CommandLine.class, Object.class).check(core);
    }
}
