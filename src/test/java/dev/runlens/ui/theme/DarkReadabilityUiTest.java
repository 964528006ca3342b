package dev.runlens.ui.theme;

import dev.runlens.Fixtures;
import dev.runlens.ui.app.Dashboard;
import dev.runlens.ui.connect.ConnectDialog;
import dev.runlens.ui.connect.ConnectViewModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the dark theme every text is readable: each shown label's text colour and each text field's
 * placeholder colour against the background behind it (resolved from the styled nodes) has a
 * contrast ratio of at least 4.5:1 (WCAG's level for normal text). Dialogs are dark too.
 */
@ExtendWith(ApplicationExtension.class)
class DarkReadabilityUiTest {
    static final double MIN_CONTRAST = 4.5;
    private Dashboard dashboard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1280, 760);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
            dashboard.close();
        });
    }

    @Test
    void everyTextAndPlaceholderContrastsWithItsBackgroundInTheDarkTheme() throws Exception {
        fx(() -> dashboard.themes().choose(Themes.Theme.DARK));
        fx(() -> dashboard.replay().controller().paceProperty().set(dev.runlens.ui.replay.Pace.MAX));
        fx(() -> dashboard.openFile(Fixtures.log("space-operator-v2-failed-run")));
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> dashboard.replay().controller().active() != null
                    && dashboard.replay().controller().allFinished()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the log did not play to its end: "
                    + fx(() -> dashboard.replay().controller().active() + " " + dashboard.model().runs().size() + " "
                    + dashboard.replay().controller().problemProperty().get() + " " + dashboard.replay().controller().positionProperty().get()
                    + "/" + dashboard.replay().controller().sizeProperty().get() + " " + dashboard.replay().controller().playingProperty().get()));
        }
        // A failed execution's input: the payload view and its search field.
        fx(() -> {
            dev.runlens.model.Run run = dashboard.model().runs().get(0);
            dashboard.selection().select(run.ref(), run.executions().stream()
                    .filter(e -> e.status() == dev.runlens.model.ExecutionStatus.FAILED).findFirst().orElseThrow());
            dashboard.inspector().selectTab(dev.runlens.ui.inspector.InspectorItems.Tab.INPUT);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> dashboard.root().lookupAll(".text-field").stream()
                .anyMatch(f -> f.isVisible() && "Search payload (Ctrl+F)".equals(((TextInputControl) f).getPromptText()))));
        fx(() -> new ConnectDialog(stage, new ConnectViewModel(List.of())).show());
        WaitForAsyncUtils.waitForFxEvents();

        List<String> checked = new ArrayList<>();
        List<String> faint = new ArrayList<>();
        fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    check(w.getScene().getRoot(), checked, faint);
                }
            }
        });
        assertTrue(checked.size() > 40, "the window's texts were found: " + checked.size());
        assertTrue(checked.stream().anyMatch(c -> c.startsWith("placeholder 'Search payload")), "the payload search's placeholder");
        assertTrue(checked.stream().anyMatch(c -> c.startsWith("'Connect to a server") || c.startsWith("'Watch runs live")), "the dialog");
        Color dialogBack = fx(() -> background(Window.getWindows().stream().filter(w -> w != stage && w.isShowing())
                .findFirst().orElseThrow().getScene().getRoot()));
        assertTrue(luminance(dialogBack) < 0.1, "the dialog is dark too: " + dialogBack);
        assertEquals(List.of(), faint);
    }

    private static void check(Node n, List<String> checked, List<String> faint) {
        if (!n.isVisible() || n.isDisabled() || n.getOpacity() < 0.99) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && l.getTextFill() instanceof Color fill) {
            judge("'" + l.getText() + "' (" + l.getStyleClass() + ")", fill, background(l), checked, faint);
        }
        if (n instanceof TextInputControl t && t.getText().isEmpty() && t.getPromptText() != null && !t.getPromptText().isEmpty()) {
            for (Node c : t.lookupAll(".text")) {
                if (c instanceof Text prompt && t.getPromptText().equals(prompt.getText()) && prompt.getFill() instanceof Color fill) {
                    judge("placeholder '" + t.getPromptText() + "'", fill, background(t), checked, faint);
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                check(c, checked, faint);
            }
        }
    }

    private static void judge(String what, Color fg, Color bg, List<String> checked, List<String> faint) {
        double ratio = contrast(blend(fg, bg), bg);
        checked.add(what);
        if (ratio < MIN_CONTRAST) {
            faint.add(what + String.format(" %.2f:1 (%s on %s)", ratio, fg, bg));
        }
    }

    /** The colour behind {@code n}: the nearest background fill, over what is behind that one if it is see-through. */
    static Color background(Node n) {
        for (Node a = n; a != null; a = a.getParent()) {
            if (a instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                if (fills.getLast().getFill() instanceof Color c && c.getOpacity() > 0) {
                    return c.getOpacity() >= 1 || a.getParent() == null ? c : blend(c, background(a.getParent()));
                }
            }
        }
        return n.getScene() != null && n.getScene().getFill() instanceof Color c ? c : Color.WHITE;
    }

    static Color blend(Color fg, Color bg) {
        double a = fg.getOpacity();
        return new Color(fg.getRed() * a + bg.getRed() * (1 - a), fg.getGreen() * a + bg.getGreen() * (1 - a),
                fg.getBlue() * a + bg.getBlue() * (1 - a), 1);
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2's relative luminance. */
    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }
}
