package org.hypomag.cds.system;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (style.md): {@code cdshooks} -> {@code cards} -> {@code clinical}, {@code knowledge};
 * the clinical core is pure and imports no other project package; nothing imports the protocol layer.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::notAotGenerated)
                .importPackages("org.hypomag.cds");
    }

    /**
     * Spring AOT (the package phase's process-aot) writes bean-registration classes named {@code X__BeanDefinitions}
     * and {@code CdsApplication__BeanFactoryRegistrations} into target/classes; they are generated wiring, not
     * the project's code, and are left out.
     */
    private static boolean notAotGenerated(com.tngtech.archunit.core.importer.Location location) {
        return !location.contains("__");
    }

    @Test
    void clinicalCore_importsNoFrameworkAndNoOtherProjectPackage() {
        noClasses().that().resideInAPackage("..clinical..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "ca.uhn..",
                        "org.hl7..", "tools.jackson..", "com.fasterxml..", "java.net.http..",
                        "org.hypomag.cds.cdshooks..", "org.hypomag.cds.fhir..", "org.hypomag.cds.knowledge..",
                        "org.hypomag.cds.security..", "org.hypomag.cds.system..")
                .check(classes);
    }

    @Test
    void clinicalCore_importsNoneOfTheProjectsOtherPackages() {
        noClasses().that().resideInAPackage("org.hypomag.cds.clinical..")
                .should().dependOnClassesThat(resideInAPackage("org.hypomag.cds..")
                        .and(not(resideInAPackage("org.hypomag.cds.clinical.."))))
                .check(classes);
    }

    @Test
    void cards_dependOnlyOnClinicalAndKnowledge() {
        noClasses().that().resideInAPackage("org.hypomag.cds.cards..")
                .should().dependOnClassesThat(resideInAPackage("org.hypomag.cds..")
                        .and(not(resideInAPackage("org.hypomag.cds.cards..")))
                        .and(not(resideInAPackage("org.hypomag.cds.clinical..")))
                        .and(not(resideInAPackage("org.hypomag.cds.knowledge.."))))
                .check(classes);
    }

    @Test
    void nothingOutsideTheProtocolLayer_importsIt() {
        noClasses().that().resideOutsideOfPackage("org.hypomag.cds.cdshooks..")
                .should().dependOnClassesThat().resideInAPackage("..cdshooks..")
                .check(classes);
    }

    @Test
    void fhirLayer_doesNotKnowProtocolOrSecurity() {
        noClasses().that().resideInAPackage("..fhir..")
                .should().dependOnClassesThat().resideInAnyPackage("..cdshooks..", "..security..")
                .check(classes);
    }

    /** Issue 14: the store holds state for the others and knows none of them (its own records and ports). */
    @Test
    void store_importsNoOtherProjectPackage() {
        noClasses().that().resideInAPackage("org.hypomag.cds.store..")
                .should().dependOnClassesThat(resideInAPackage("org.hypomag.cds..")
                        .and(not(resideInAPackage("org.hypomag.cds.store.."))))
                .check(classes);
    }

    /** Only the protocol layer (ledger, feedback) and security (the replay table) use the store. */
    @Test
    void onlyProtocolAndSecurity_useTheStore() {
        noClasses().that().resideOutsideOfPackages("org.hypomag.cds.store..", "org.hypomag.cds.cdshooks..",
                        "org.hypomag.cds.security..")
                .should().dependOnClassesThat().resideInAPackage("org.hypomag.cds.store..")
                .check(classes);
    }

    @Test
    void smartApp_doesNotKnowCardsOrProtocol() {
        noClasses().that().resideInAPackage("..smart..")
                .should().dependOnClassesThat().resideInAnyPackage("..cdshooks..", "..cards..")
                .check(classes);
    }

    @Test
    void knowledge_dependsOnlyOnClinical() {
        noClasses().that().resideInAPackage("..knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("..cdshooks..", "..fhir..", "..security..",
                        "org.springframework..", "ca.uhn..")
                .check(classes);
    }

    /** Issue 15: nothing imports analytics; analytics reads the tables itself and knows only the error writer. */
    @Test
    void analytics_isImportedByNothing_andImportsOnlyTheOutcomeWriter() {
        noClasses().that().resideOutsideOfPackage("org.hypomag.cds.analytics..")
                .should().dependOnClassesThat().resideInAPackage("org.hypomag.cds.analytics..")
                .check(classes);
        noClasses().that().resideInAPackage("org.hypomag.cds.analytics..")
                .should().dependOnClassesThat(resideInAPackage("org.hypomag.cds..")
                        .and(not(resideInAPackage("org.hypomag.cds.analytics..")))
                        .and(not(com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                                org.hypomag.cds.fhir.OperationOutcome.class))))
                .check(classes);
    }
}
