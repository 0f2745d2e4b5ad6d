package dev.proxmoxmpc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md and STYLE.md, checked on the main classes of every module (this module is
 * the only one that sees them all).
 */
class ModuleRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the product's classes: not the SPI test kit (HostileInputTest uses it), which is test tooling
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("spi-testkit"))
                .importPackages("dev.proxmoxmpc");
    }

    @Test
    void spiDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.proxmoxmpc.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.proxmoxmpc.kernel..", "dev.proxmoxmpc.plugin..")
                .check(classes);
    }

    @Test
    void spiSignaturesCarryNoInfrastructureTypes() {
        noClasses().that().resideInAPackage("dev.proxmoxmpc.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jline..", "org.apache.ibatis..",
                        "com.github.jknack..", "org.slf4j..", "java.sql..", "com.fasterxml..")
                .check(classes);
    }

    /** Commands are declared on picocli's model: the command package may use it, the rest of the SPI does not. */
    @Test
    void onlyTheCommandPackagesOfTheSpiUsePicocli() {
        noClasses().that().resideInAPackage("dev.proxmoxmpc.spi..").and().resideOutsideOfPackage("dev.proxmoxmpc.spi.command..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    /** The line-to-command machinery is shared by the kernel and the test kit; a plugin only declares commands. */
    @Test
    void pluginsNeverUseTheCommandMachinery() {
        noClasses().that().resideInAPackage("dev.proxmoxmpc.plugin..")
                .should().dependOnClassesThat().resideInAPackage("dev.proxmoxmpc.spi.command.internal..")
                .check(classes);
    }

    @Test
    void kernelNeverDependsOnAPlugin() {
        noClasses().that().resideInAPackage("dev.proxmoxmpc.kernel..")
                .should().dependOnClassesThat().resideInAPackage("dev.proxmoxmpc.plugin..")
                .check(classes);
    }

    @Test
    void pluginsNeverDependOnTheKernel() {
        noClasses().that().resideInAPackage("dev.proxmoxmpc.plugin..")
                .should().dependOnClassesThat().resideInAPackage("dev.proxmoxmpc.kernel..")
                .check(classes);
    }

    @Test
    void pluginsNeverDependOnEachOther() {
        slices().matching("dev.proxmoxmpc.plugin.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void onlyTheConsoleLayerWritesToStandardStreams() {
        // test support prints skipped tests' reasons on the build's console; it is on test class paths only
        noClasses().that().resideOutsideOfPackages("dev.proxmoxmpc.kernel.console..", "dev.proxmoxmpc.kernel.boot..",
                        "dev.proxmoxmpc.testsupport..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @Test
    void nobodyUsesJavaUtilLogging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.proxmoxmpc.(*)..").should().beFreeOfCycles().check(classes);
    }
}
