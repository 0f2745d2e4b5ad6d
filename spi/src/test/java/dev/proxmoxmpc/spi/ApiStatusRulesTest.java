package dev.proxmoxmpc.spi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Every public SPI type states its stability with {@code @API(status = ..., since = ...)}, as JUnit 5 does, so a
 * plugin author knows what may change under them.
 */
class ApiStatusRulesTest {
    private static final JavaClasses SPI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.proxmoxmpc.spi");

    static final ArchRule PUBLIC_TYPES_STATE_THEIR_STATUS = classes()
            .that().haveModifier(JavaModifier.PUBLIC)
            .should().beAnnotatedWith(API.class)
            .because("a plugin author must see what is stable, experimental or internal");

    @Test
    void everyPublicTypeIsAnnotatedWithItsStatus() {
        PUBLIC_TYPES_STATE_THEIR_STATUS.check(SPI);
    }

    @Test
    void theRuleCatchesAnUnannotatedPublicType() {
        JavaClasses fixture = new ClassFileImporter().importClasses(Unannotated.class);
        assertThat(PUBLIC_TYPES_STATE_THEIR_STATUS.evaluate(fixture).hasViolation()).isTrue();
    }

    @Test
    void everyStatusSaysSinceWhen() {
        SPI.stream().filter(c -> c.isAnnotatedWith(API.class)).forEach(c ->
                assertThat(c.getAnnotationOfType(API.class).since()).as(c.getName()).isNotBlank());
    }

    /** A deliberate violation: public, in the SPI's package tree, without {@code @API}. */
    public static final class Unannotated {
    }
}
