package nl.asylumchain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each chain stage is a module; the engine stays behind the modules' {@code process} packages and the platform. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(AsylumChainApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicFaceAndFormNoCycles() {
        MODULES.verify();
    }

    @Test
    void onlyProcessPackagesAndThePlatformImportTheEngine() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        noClasses().that().resideOutsideOfPackages("..process..", "nl.asylumchain.platform..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("domain code must not know the engine (house style, like Valtimo)")
                .check(classes);
    }

    /**
     * Demo traffic and demo users are for a laptop or a showcase: they live in the module {@code demo}, and nothing
     * else depends on it, so that leaving it out changes nothing else.
     */
    @Test
    void demoUsersAndTrafficAreTheirOwnModuleThatNothingElseNeeds() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        classes().that().haveSimpleNameStartingWith("Demo").should().resideInAPackage("nl.asylumchain.demo..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("nl.asylumchain.demo..")
                .should().dependOnClassesThat().resideInAPackage("nl.asylumchain.demo..")
                .check(classes);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
