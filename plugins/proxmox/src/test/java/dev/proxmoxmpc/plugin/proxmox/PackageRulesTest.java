package dev.proxmoxmpc.plugin.proxmox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The provider's package rules. Above all: what /plan and /apply rely on (discovery, the change executor, task
 * polling) never reads the response cache, so a cached answer can never hide the server's state from them.
 */
class PackageRulesTest {
    private static final String BASE = "dev.proxmoxmpc.plugin.proxmox";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    static final ArchRule PLAN_AND_APPLY_NEVER_READ_THE_CACHE = noClasses()
            .that().resideInAnyPackage(BASE + ".discovery..", BASE + ".change..", BASE + ".task..")
            .should().dependOnClassesThat().resideInAPackage(BASE + ".cache..")
            .because("/plan, /apply and /sync must see the server as it is, never a cached answer");

    static final ArchRule ONLY_THE_SESSION_AND_STORAGE_READS_USE_THE_CACHE = noClasses()
            .that().resideOutsideOfPackages(BASE, BASE + ".storage..", BASE + ".cache..")
            .should().dependOnClassesThat().resideInAPackage(BASE + ".cache..")
            .because("the cache serves storage content lists for completion and checks, nothing else");

    @Test
    void discoveryChangesAndTasksNeverDependOnTheCache() {
        PLAN_AND_APPLY_NEVER_READ_THE_CACHE.check(CLASSES);
    }

    @Test
    void onlyTheSessionAndStorageReadsUseTheCache() {
        ONLY_THE_SESSION_AND_STORAGE_READS_USE_THE_CACHE.check(CLASSES);
    }

    @Test
    void theRuleCatchesDiscoveryReadingTheCache() {
        JavaClasses withViolation = new ClassFileImporter().importPackages(BASE + ".discovery", BASE + ".cache");
        assertThat(PLAN_AND_APPLY_NEVER_READ_THE_CACHE.evaluate(withViolation).hasViolation()).isTrue();
        assertThat(ONLY_THE_SESSION_AND_STORAGE_READS_USE_THE_CACHE.evaluate(withViolation).hasViolation()).isTrue();
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
