package nl.asylumchain;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Each chain stage is a module; the engine stays behind the modules' {@code process} packages and the platform. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(AsylumChainApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicFaceAndFormNoCycles() {
        MODULES.verify();
    }

    @Test
    void onlyProcessPackagesAndThePlatformImportTheEngine() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        noClasses()
                .that()
                .resideOutsideOfPackages("..process..", "nl.asylumchain.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.camunda..")
                .because("domain code must not know the engine (house style, like Valtimo)")
                .check(classes);
    }

    /**
     * A case walks forward through the modules: each module names the modules it may use in its package-info
     * ({@code allowedDependencies}), so {@link #modulesOnlyUseEachOthersPublicFaceAndFormNoCycles()} fails on a
     * dependency that walks back (the case file calling a stage, a stage calling the one after it). The platform is
     * shared by all and uses none of them.
     */
    @Test
    void everyModuleNamesTheModulesItMayUse() throws ClassNotFoundException {
        for (org.springframework.modulith.core.ApplicationModule module : MODULES) {
            String basePackage = module.getBasePackage().getName();
            ApplicationModule declared =
                    Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
            if (module.getName().equals("platform")) {
                assertThat(module.getDirectDependencies(MODULES).uniqueModules().toList())
                        .as("the platform uses no module")
                        .isEmpty();
            } else {
                assertThat(declared)
                        .as(module.getName() + " has @ApplicationModule")
                        .isNotNull();
                assertThat(List.of(declared.allowedDependencies()))
                        .as(module.getName() + " allowedDependencies")
                        .isNotEmpty();
            }
        }
    }

    /** A process class that calls the engine: an engine bridge, not a model's id constants. */
    private static final DescribedPredicate<JavaClass> ENGINE_BRIDGE = DescribedPredicate.describe(
            "process classes that use the engine",
            javaClass -> javaClass.getPackageName().contains(".process")
                    && javaClass.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.camunda")));

    /**
     * "Only process/ touches the engine" holds both ways: a module's services start or signal processes and ask
     * decisions through a port (an interface in the module root) that process/ implements, never by calling an
     * engine bridge. The web adapters may read the engine's history through one (the case view's diagrams).
     */
    @Test
    void moduleServicesReachTheEngineOnlyThroughAPort() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        noClasses()
                .that()
                .resideInAPackage("nl.asylumchain.*")
                .and()
                .resideOutsideOfPackage("nl.asylumchain.platform")
                .should()
                .dependOnClassesThat(ENGINE_BRIDGE)
                .because("the port keeps the root free of the engine (house style: a case walks forward)")
                .check(classes);
    }

    /**
     * Monitoring publishes what the modules count ({@code platform.BacklogFigures}) and what the case file reports; it
     * never reads another module's process variables or models, so a stage can change its model without breaking a
     * gauge, and the rule of a figure (what counts as "in the VA") is written in the module that owns it.
     */
    @Test
    void monitoringPublishesTheModulesFiguresWithoutReadingTheirProcesses() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        noClasses()
                .that()
                .resideInAPackage("nl.asylumchain.monitoring..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.camunda..", "nl.asylumchain.*.process..")
                .because("each module counts its own backlog (house style: other modules' numbers come from their own"
                        + " services)")
                .check(classes);
        assertThat(List.of(monitoringModule().allowedDependencies()))
                .as("monitoring depends on the case file's events and the platform only")
                .containsExactlyInAnyOrder("casefile", "platform");
    }

    private static ApplicationModule monitoringModule() {
        try {
            return Class.forName("nl.asylumchain.monitoring.package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Persistence looks the same everywhere: a module's tables are read and written in its {@code persistence/}
     * package, records mapped by name, so a service holds the rules and not the SQL. The platform's identity setup
     * cleans the engine's own authorization table, which no module owns. (The demo may still ask which database it
     * runs on.)
     */
    @Test
    void onlyPersistencePackagesUseTheDatabase() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        noClasses()
                .that()
                .resideOutsideOfPackages("..persistence..", "nl.asylumchain.platform")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(
                        org.springframework.jdbc.core.simple.JdbcClient.class,
                        org.springframework.jdbc.core.JdbcTemplate.class,
                        org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate.class)
                .because("a module's tables belong in its persistence/ package (house style)")
                .check(classes);
    }

    /**
     * A new row's id comes from {@code platform.RowIds}, which the forecast counts so that its runs repeat; a row id
     * drawn in place would make a forecast differ from run to run.
     */
    @Test
    void rowIdsComeFromRowIdsNotDrawnInPlace() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        noClasses()
                .that()
                // a job executor's lock owner and a forecast job's name or database are no rows of the chain
                .haveNameNotMatching("nl\\.asylumchain\\.(platform\\.(RandomRowIds|EngineConfiguration)"
                        + "|forecast\\.(ForecastJobs|ForecastCommand))(\\$.*)?")
                .should()
                .callMethod(java.util.UUID.class, "randomUUID")
                .because("a forecast must repeat its run (docs/architecture.md, Persistence)")
                .check(classes);
    }

    /**
     * A query read as a stream holds its statement open until the stream is closed, and {@code .stream().findFirst()}
     * never closes it: the statement stays open on the connection for the rest of the transaction, and H2 parses the
     * statement again at every call because the open one cannot be reused (docs/forecast.md, "Eighth round"). Read
     * lists, or one row with {@code limit 1} and {@code optional()}.
     */
    @Test
    void jdbcQueriesAreReadWholeNotAsStreamsLeftOpen() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        noClasses()
                .should()
                .callMethod(org.springframework.jdbc.core.simple.JdbcClient.MappedQuerySpec.class, "stream")
                .orShould()
                .callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("queryForStream")))
                .because("a JdbcClient stream keeps its statement open until it is closed")
                .check(classes);
    }

    /**
     * {@code JdbcClient.query(SomeRecord.class)} looks every component of the record up by name on every row, first
     * in camel case, and the driver answers each miss with an exception and its stack trace (about twenty per row of
     * {@code ind_procedures}, a tenth of a forecast's time). Records are mapped with {@code
     * platform.RecordRowMapper}, which reads the column labels once per result set. The byte code does not tie a
     * class literal to the call it is passed to, so a method (or lambda) that calls {@code query(Class)} must pass
     * each record class it names to {@code RecordRowMapper.of}; {@code query(String.class)} is a single column.
     */
    @Test
    void recordsAreMappedFromTheirColumnLabelsNotLookedUpByNameAtEveryRow() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        classes().should(mapNoRecordByNameAtEveryRow()).check(classes);
    }

    private static ArchCondition<JavaClass> mapNoRecordByNameAtEveryRow() {
        return new ArchCondition<>("map no record with JdbcClient's query(Class)") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaCodeUnit method : javaClass.getCodeUnits()) {
                    List<String> records = method.getReferencedClassObjects().stream()
                            .filter(literal -> literal.getRawType().isAssignableTo(Record.class))
                            .map(literal -> literal.getRawType().getSimpleName())
                            .toList();
                    long mapped = method.getMethodCallsFromSelf().stream()
                            .filter(call ->
                                    call.getTarget().getOwner().getSimpleName().equals("RecordRowMapper")
                                            && call.getName().equals("of"))
                            .count();
                    method.getMethodCallsFromSelf().stream()
                            .filter(call -> isQueryByClass(call) && records.size() > mapped)
                            .forEach(call -> events.add(SimpleConditionEvent.violated(
                                    call,
                                    call.getDescription() + " beside the records " + records + ", " + mapped
                                            + " of them mapped by RecordRowMapper.of")));
                }
            }
        };
    }

    private static boolean isQueryByClass(JavaMethodCall call) {
        return call.getTarget().getOwner().isAssignableTo(JdbcClient.StatementSpec.class)
                && call.getName().equals("query")
                && call.getTarget().getRawParameterTypes().size() == 1
                && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(Class.class);
    }

    /**
     * Demo traffic and demo users are for a laptop or a showcase: they live in the module {@code demo}, and nothing
     * else depends on it, so that leaving it out changes nothing else.
     */
    @Test
    void demoUsersAndTrafficAreTheirOwnModuleThatNothingElseNeeds() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain");
        classes()
                .that()
                .haveSimpleNameStartingWith("Demo")
                .should()
                .resideInAPackage("nl.asylumchain.demo..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("nl.asylumchain.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("nl.asylumchain.demo..")
                .check(classes);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
