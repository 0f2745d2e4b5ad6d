package dev.proxmoxmpc.kernel.project;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workspace/state layer: no package cycles, and it never reaches into the console layer or JLine. */
class ProjectLayersRulesTest {
    private static JavaClasses layer;

    @BeforeAll
    static void importLayer() {
        layer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(
                "dev.proxmoxmpc.kernel.project", "dev.proxmoxmpc.kernel.state", "dev.proxmoxmpc.kernel.config",
                "dev.proxmoxmpc.kernel.secrets", "dev.proxmoxmpc.kernel.workspace", "dev.proxmoxmpc.kernel.audit",
                "dev.proxmoxmpc.kernel.init");
    }

    @Test
    void hasNoPackageCycles() {
        slices().matching("dev.proxmoxmpc.kernel.(*)..").should().beFreeOfCycles().check(layer);
    }

    @Test
    void talksToUsersOnlyThroughTheSpiConsole() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.jline..", "dev.proxmoxmpc.kernel.console..",
                "dev.proxmoxmpc.kernel.boot..", "java.util.logging..").check(layer);
    }
}
