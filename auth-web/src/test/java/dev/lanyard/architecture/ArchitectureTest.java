package dev.lanyard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layers and components as README's layout draws them, kept by the build: entities know no service, services
 * know no HTTP, and no two components need each other.
 */
class ArchitectureTest {

    private static final JavaClasses LANYARD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lanyard");

    @Test
    void entitiesKnowNoServiceAndServicesKnowNoHttp() {
        layeredArchitecture()
                .consideringAllDependencies()
                .layer("web")
                .definedBy(fromModule("auth-web"))
                .layer("services")
                .definedBy(fromModule("auth-ejb"))
                .layer("domain")
                .definedBy(fromModule("auth-domain"))
                .whereLayer("web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("services")
                .mayOnlyBeAccessedByLayers("web")
                .whereLayer("domain")
                .mayOnlyBeAccessedByLayers("services", "web")
                .check(LANYARD);
        noClasses()
                .that(fromModule("auth-ejb").or(fromModule("auth-domain")))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..", "jakarta.security.enterprise..")
                .check(LANYARD);
    }

    @Test
    void noTwoComponentsNeedEachOther() {
        slices().assignedFrom(COMPONENTS).should().beFreeOfCycles().check(LANYARD);
    }

    @Test
    void theEntitiesOfNoTwoComponentsNeedEachOther() {
        slices().matching("dev.lanyard.(*).entity..").should().beFreeOfCycles().check(LANYARD);
    }

    @Test
    void everyComponentSaysWhatItIsFor() {
        Set<String> topLevel = LANYARD.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("dev.lanyard."))
                .map(name -> name.split("\\.")[2])
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(topLevel)
                .allSatisfy(component -> assertThat(LANYARD.contain("dev.lanyard." + component + ".package-info"))
                        .as("dev/lanyard/%s/package-info.java", component)
                        .isTrue());
    }

    @Test
    void randomnessAndConstantTimeComparisonHaveOneHome() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.lanyard.crypto..")
                .should()
                .callConstructor(SecureRandom.class)
                .orShould()
                .callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
                .orShould()
                .callMethod(MessageDigest.class, "getInstance", String.class)
                .because("secrets are drawn and compared in dev.lanyard.crypto only")
                .check(LANYARD);
    }

    /**
     * A component is a package under {@code dev.lanyard} with its services and resources. Its entities belong to
     * the domain model, which every component may use (its own rule keeps it free of cycles); the plumbing every
     * component's resources stand on (errors, paging, the HTTP security glue) is no component. Each example of
     * Lanyard's use under {@code dev.lanyard.example} is a component of its own.
     */
    private static final SliceAssignment COMPONENTS = new SliceAssignment() {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] parts = javaClass.getPackageName().split("\\.");
            if (parts.length < 3
                    || PLUMBING.contains(parts[2])
                    || javaClass.getPackageName().contains(".entity")) {
                return SliceIdentifier.ignore();
            }
            boolean example = parts[2].equals("example") && parts.length > 3;
            return SliceIdentifier.of(example ? "example." + parts[3] : parts[2]);
        }

        @Override
        public String getDescription() {
            return "components of dev.lanyard";
        }
    };

    private static final Set<String> PLUMBING = Set.of(
            "rest", "security", "problem", "paging", "persistence", "startup", "health", "status", "ui", "metrics");

    private static DescribedPredicate<JavaClass> fromModule(String module) {
        return DescribedPredicate.describe(
                "classes of " + module,
                javaClass -> javaClass
                        .getSource()
                        .map(source -> source.getUri().toString().contains("/" + module + "/"))
                        .orElse(false));
    }
}
