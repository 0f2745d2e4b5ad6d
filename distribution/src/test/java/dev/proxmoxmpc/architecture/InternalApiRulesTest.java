package dev.proxmoxmpc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.proxmoxmpc.plugin.violation.UsesInternalSpiType;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Plugins use only the published SPI: no type marked {@code @API(status = INTERNAL)} (those are there for the
 * kernel and may change in any release). Checked on the main classes of every bundled plugin.
 */
class InternalApiRulesTest {
    private static final JavaClasses PLUGINS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.proxmoxmpc.plugin");

    static final DescribedPredicate<JavaClass> INTERNAL_API = DescribedPredicate.describe(
            "are marked @API(status = INTERNAL)", c -> c.tryGetAnnotationOfType(API.class)
                    .map(api -> api.status() == API.Status.INTERNAL)
                    .orElse(false));

    static final ArchRule PLUGINS_USE_NO_INTERNAL_TYPE = noClasses()
            .that().resideInAPackage("dev.proxmoxmpc.plugin..")
            .should().dependOnClassesThat(INTERNAL_API)
            .because("INTERNAL SPI types serve the kernel and change without notice");

    @Test
    void pluginsUseNoInternalSpiType() {
        assertThat(PLUGINS).as("the plugins' classes are on this module's test class path").isNotEmpty();
        PLUGINS_USE_NO_INTERNAL_TYPE.check(PLUGINS);
    }

    @Test
    void theRuleCatchesAPluginUsingAnInternalType() {
        JavaClasses withViolation = new ClassFileImporter().importClasses(UsesInternalSpiType.class);
        assertThat(PLUGINS_USE_NO_INTERNAL_TYPE.evaluate(withViolation).hasViolation()).isTrue();
    }
}
