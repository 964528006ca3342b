package dev.runlens.ui.theme;

import dev.runlens.Fixtures;
import dev.runlens.ui.app.Dashboard;
import dev.runlens.ui.connect.ConnectDialog;
import dev.runlens.ui.connect.ConnectViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.IkonHandler;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every icon in the window renders: the main scene, the menus, the replay transport bar, the
 * dialogs. Each {@link FontIcon} must have a non-empty box, use its pack's font (loaded, not a
 * fallback) and a glyph that font has; no button shows a Unicode symbol as its icon any more.
 */
@ExtendWith(ApplicationExtension.class)
class IconsRenderUiTest {
    private Dashboard dashboard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1200, 760);
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
    void everyIconInTheWindowItsMenusTheTransportBarAndTheDialogsRenders(FxRobot robot) throws Exception {
        fx(() -> dashboard.openFile(Fixtures.log("space-operator-v2-failed-run")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> dashboard.root().lookup("#replay-play") != null
                && dashboard.root().lookup("#replay-play").isVisible() && dashboard.root().lookup("#replay-play").getParent().isVisible()));
        fx(() -> new ConnectDialog(stage, new ConnectViewModel(List.of())).show());
        robot.write('?');
        WaitForAsyncUtils.waitForFxEvents();

        Set<FontIcon> icons = new LinkedHashSet<>();
        fx(() -> collectShown(icons));
        // Each menu open in turn: its items' icons are styled (and get their font) in its popup.
        List<Menu> menus = fx(() -> ((MenuBar) dashboard.root().lookup("#menu-bar")).getMenus());
        for (Menu m : menus) {
            fx(m::show);
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> collectShown(icons));
            fx(() -> assertTrue(m.getItems().stream().allMatch(i -> i.getGraphic() == null || i.getGraphic().getScene() != null),
                    m.getText() + "'s items are in its popup"));
            fx(m::hide);
        }
        List<String> ids = fx(() -> icons.stream().map(i -> i.getIconCode().getDescription()).toList());
        assertTrue(ids.contains("fth-skip-back") && ids.contains("fth-play") && ids.contains("fth-chevrons-right"), ids.toString());
        assertTrue(ids.contains("fth-zoom-in") && ids.contains("fth-help-circle") && icons.size() >= 30, "the menus' icons too: " + ids);

        Map<String, java.awt.Font> fonts = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (FontIcon icon : icons) {
            String problem = fx(() -> problem(icon, fonts));
            if (problem != null) {
                problems.add(problem);
            }
        }
        assertEquals(List.of(), problems);

        // No labelled control in the transport bar shows a symbol from outside Latin-1 as its text.
        List<String> glyphs = fx(() -> dashboard.root().lookup("#transport-bar").lookupAll(".button").stream()
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null && t.chars().anyMatch(c -> c > 0xff)).toList());
        assertEquals(List.of(), glyphs);
    }

    private static String problem(FontIcon icon, Map<String, java.awt.Font> fonts) {
        String name = icon.getIconCode().getDescription();
        Bounds b = icon.getLayoutBounds();
        if (b.isEmpty() || b.getWidth() < 4 || b.getHeight() < 4) {
            return name + ": empty box " + b;
        }
        IkonHandler handler = java.util.ServiceLoader.load(IkonHandler.class).stream().map(java.util.ServiceLoader.Provider::get)
                .filter(h -> h.supports(name)).findFirst().orElseThrow();
        if (!handler.getFontFamily().equals(icon.getFont().getFamily())) {
            return name + ": drawn in " + icon.getFont().getFamily() + ", not " + handler.getFontFamily();
        }
        java.awt.Font font = fonts.computeIfAbsent(handler.getFontFamily(), f -> {
            try (InputStream in = handler.getFontResourceAsStream()) {
                return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int code = icon.getText().codePointAt(0);
        return font.canDisplay(code) ? null : name + ": glyph U+" + Integer.toHexString(code) + " missing from " + font.getFontName();
    }

    private static void collect(Node n, Set<FontIcon> into) {
        if (n instanceof FontIcon i) {
            into.add(i);
        }
        if (n instanceof Labeled l && l.getGraphic() != null) {
            collect(l.getGraphic(), into);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, into);
            }
        }
    }

    private static void collectShown(Set<FontIcon> into) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                collect(w.getScene().getRoot(), into);
            }
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }
}
