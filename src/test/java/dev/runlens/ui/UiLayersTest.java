package dev.runlens.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UI's layer rules (decision 0028), read from the sources: the data flows rows → dashboard →
 * bridge → views; the dashboard model and the rows need no toolkit; view models know no controls;
 * only the bridge posts to the FX thread.
 */
class UiLayersTest {
    private static final Path UI = Path.of("src/main/java/dev/runlens/ui");

    private static List<String> offenders(String folder, Predicate<Path> which, Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(UI.resolve(folder))) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).filter(which).toList()) {
                if (forbidden.matcher(Files.readString(p)).find()) {
                    found.add(UI.relativize(p).toString());
                }
            }
        }
        return found;
    }

    private static final Predicate<Path> ALL = p -> true;

    @Test
    void onlyTheBridgePostsToTheFxThread() throws IOException {
        Pattern runLater = Pattern.compile("\\brunLater\\b");
        assertEquals(List.of(), offenders("", p -> !UI.relativize(p).startsWith("bridge"), runLater));
        assertTrue(!offenders("bridge", ALL, runLater).isEmpty(), "the bridge is where runLater is");
    }

    @Test
    void rowsUseNoJavaFxAndKnowNothingAboveThem() throws IOException {
        assertEquals(List.of(), offenders("rows", ALL, Pattern.compile("\\bjavafx\\.|\\bdev\\.runlens\\.ui\\.(?!rows\\b)")));
    }

    @Test
    void dashboardModelNeedsNoToolkitAndDoesNotKnowTheBridgeOrViews() throws IOException {
        // Selection's observable properties (javafx.beans) are the only JavaFX the model sees.
        assertEquals(List.of(), offenders("dashboard", ALL,
                Pattern.compile("\\bjavafx\\.(?!beans\\.)|\\bdev\\.runlens\\.ui\\.(?!dashboard\\b|rows\\b)")));
    }

    @Test
    void viewModelsImportNoControls() throws IOException {
        assertEquals(List.of(), offenders("", p -> p.getFileName().toString().endsWith("ViewModel.java"),
                Pattern.compile("\\bjavafx\\.scene\\b")));
    }

    @Test
    void theBridgeDoesNotKnowTheViews() throws IOException {
        assertEquals(List.of(), offenders("bridge", ALL, Pattern.compile("\\bdev\\.runlens\\.ui\\.(?!bridge\\b|dashboard\\b|rows\\b)")));
    }
}
