package dev.runlens;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer rules (ARCHITECTURE.md, docs/architecture.md, decision 0028), executable with ArchUnit
 * over the compiled main classes, so a fully qualified name or a wildcard import cannot dodge them.
 */
class ArchitectureTest {
    private static final String UI = "dev.runlens.ui..";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.runlens");
    }

    @Test
    void theImportSeesTheWholeProduct() {
        assertTrue(main.size() > 200, "expected the main classes, found " + main.size());
        assertTrue(main.contain("dev.runlens.model.RunModel"));
        assertTrue(main.contain("dev.runlens.ui.bridge.FxPump"));
    }

    @Test
    void theCoreNeverUsesJavaFxOrTheUi() {
        noClasses().that().resideOutsideOfPackage(UI)
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", UI)
                .because("protocols, model, logs, connections and commands run without a toolkit")
                .check(main);
    }

    @Test
    void theUiNeverUsesTheBatchCommands() {
        noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().resideInAPackage("dev.runlens.cli..")
                .check(main);
    }

    @Test
    void whatCommandsShareKnowsNoCommand() {
        noClasses().that().resideInAPackage("dev.runlens.launch..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.runlens.cli..", UI)
                .check(main);
    }

    @Test
    void theComparisonKnowsNeitherTheCommandLineNorTheViews() {
        noClasses().that().resideInAPackage("dev.runlens.compare..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.runlens.cli..", "dev.runlens.launch..", UI)
                .because("the command line and the window share one comparison")
                .check(main);
    }

    @Test
    void viewModelsKnowNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("a view model holds state and commands and is tested without controls")
                .check(main);
    }

    @Test
    void theDashboardModelNeedsNoToolkitAndKnowsNoViews() {
        noClasses().that().resideInAPackage("dev.runlens.ui.dashboard..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx.scene..", "javafx.application..", "javafx.stage..", "javafx.animation..",
                        "dev.runlens.ui.bridge..", "dev.runlens.ui.app..", "dev.runlens.ui.runs..",
                        "dev.runlens.ui.timeline..", "dev.runlens.ui.inspector..", "dev.runlens.ui.errors..",
                        "dev.runlens.ui.events..", "dev.runlens.ui.replay..", "dev.runlens.ui.search..")
                .check(main);
    }

    @Test
    void rowStorageUsesNoJavaFxAndKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("dev.runlens.ui.rows..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .orShould().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("in ui outside rows",
                                c -> c.getPackageName().startsWith("dev.runlens.ui.")
                                        && !c.getPackageName().startsWith("dev.runlens.ui.rows")))
                .check(main);
    }

    @Test
    void onlyTheBridgeHandsWorkToTheFxThread() {
        noClasses().that().resideOutsideOfPackage("dev.runlens.ui.bridge..")
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("one bridge hands work to the FX thread; never one runLater per event")
                .check(main);
    }

    @Test
    void theBridgeDoesNotKnowTheViews() {
        noClasses().that().resideInAPackage("dev.runlens.ui.bridge..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.runlens.ui.app..", "dev.runlens.ui.runs..",
                        "dev.runlens.ui.timeline..", "dev.runlens.ui.inspector..", "dev.runlens.ui.errors..",
                        "dev.runlens.ui.events..", "dev.runlens.ui.replay..", "dev.runlens.ui.connect..", "dev.runlens.ui.search..")
                .check(main);
    }

    @Test
    void noJdkInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jdk.internal..", "sun..", "com.sun.javafx..")
                .check(main);
    }

    @Test
    void noTwoClassesShareASimpleName() {
        Map<String, List<String>> byName = main.stream()
                .filter(c -> c.getEnclosingClass().isEmpty())
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        byName.values().removeIf(names -> names.size() < 2);
        assertEquals(Map.of(), byName, "top-level classes with the same simple name");
    }
}
