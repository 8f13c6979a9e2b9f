package ru.nastavnik;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Package by feature, kept true as the code grows (issue 15): the features ({@code ru.nastavnik.<feature>..}) import
 * each other without a cycle, so each can be read from the ones below it; {@code shared} knows no feature; only the
 * demo data knows {@code demo}. Reads the compiled main classes; no Spring context.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ru.nastavnik");

    /** No import cycle between the packages right below {@code root}, each with its subpackages. */
    static ArchRule noCyclesBelow(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    @Test
    void featuresDependOnEachOtherWithoutACycle() {
        noCyclesBelow("ru.nastavnik").check(MAIN);
    }

    @Test
    void sharedDependsOnNoFeature() {
        noClasses().that().resideInAPackage("ru.nastavnik.shared..")
                .should().dependOnClassesThat(resideInAPackage("ru.nastavnik..")
                        .and(not(resideInAPackage("ru.nastavnik.shared.."))))
                .check(MAIN);
    }

    @Test
    void nothingButTheDemoDependsOnTheDemo() {
        noClasses().that().resideOutsideOfPackage("ru.nastavnik.demo..")
                .should().dependOnClassesThat().resideInAPackage("ru.nastavnik.demo..")
                .check(MAIN);
    }

    /** The cycle rule does catch a cycle: two test packages made to import each other. */
    @Test
    void theCycleRuleFailsOnACycle() {
        JavaClasses cyclic = new ClassFileImporter().importPackages("ru.nastavnik.architecture.cycle");
        assertThatThrownBy(() -> noCyclesBelow("ru.nastavnik.architecture.cycle").check(cyclic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("Cycle detected: first -> ", "Dependencies of first",
                        "Dependencies of second");
    }
}
