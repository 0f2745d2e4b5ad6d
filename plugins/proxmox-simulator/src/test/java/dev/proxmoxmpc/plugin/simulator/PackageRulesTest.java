package dev.proxmoxmpc.plugin.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The simulator's packages form no cycles, and it stays independent of the SPI model's parsers. */
class PackageRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.proxmoxmpc.plugin.simulator");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.proxmoxmpc.plugin.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void neverUsesTheSpiModelParsers() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.proxmoxmpc.spi.model..").check(CLASSES);
    }
}
