package dev.runlens.ui.app;

import dev.runlens.ui.connect.ConnectDialog;
import dev.runlens.ui.connect.ConnectViewModel;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.ui.controls.Action;
import dev.runlens.ui.theme.Palette;
import dev.runlens.ui.theme.Themes;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cheat sheet on "?", the theme switch on Ctrl+T, and the Connect dialog's fields. */
@ExtendWith(ApplicationExtension.class)
class KeyboardAndDialogsUiTest {
    private Dashboard dashboard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1100, 700);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    @Test
    void questionMarkOpensTheCheatSheetAndCtrlTSwitchesTheme(FxRobot robot) {
        robot.clickOn("#timeline");
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write('?');
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#cheat-sheet").tryQuery().isPresent(), "cheat sheet shown");
        assertTrue(robot.lookup("Next error").tryQuery().isPresent());
        // JavaFX 26's headless platform delivers the robot's keys and clicks to the main window,
        // not to a dialog over it (both "?" above open a sheet; Escape and Close reach neither),
        // and has no window manager to give the focus back: the test closes them and refocuses.
        for (Node sheet : robot.lookup("#cheat-sheet").queryAll()) {
            robot.interact(sheet.getScene().getWindow()::hide);
        }
        assertFalse(robot.lookup("#cheat-sheet").tryQuery().isPresent(), "the cheat sheet closed");
        robot.interact(stage::requestFocus);

        robot.clickOn("#timeline");
        assertEquals(Themes.Theme.LIGHT, dashboard.themes().themeProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Themes.Theme.DARK, dashboard.themes().themeProperty().get());
        assertTrue(javafx.application.Application.getUserAgentStylesheet().contains("primer-dark"),
                javafx.application.Application.getUserAgentStylesheet());
        assertEquals(Palette.DARK, dashboard.timeline().paletteProperty().get());
    }

    @Test
    void theActionsTableMakesTheMenuTheKeysAndTheCheatSheet(FxRobot robot) {
        List<Action> actions = dashboard.actions();
        assertEquals(actions.size(), actions.stream().map(Action::id).distinct().count(), "ids are unique");
        List<String> keys = actions.stream().filter(a -> a.keys() != null).map(a -> a.keys().getName()).toList();
        assertEquals(keys.size(), keys.stream().distinct().count(), "no key runs two actions: " + keys);
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        List<MenuItem> items = bar.getMenus().stream().flatMap(m -> m.getItems().stream()).toList();
        for (Action a : actions) {
            boolean inMenu = items.stream().anyMatch(m -> ("menu-" + a.id()).equals(m.getId()));
            assertEquals(a.place() != Action.Place.NONE, inMenu, a.id() + " in the menu");
        }
        assertEquals("Fit the timeline to the run (F)", item(items, "fit-timeline").getText(), "a plain key is in the text");
        assertEquals(null, item(items, "fit-timeline").getAccelerator());
        assertEquals(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), item(items, "quit").getAccelerator());
        assertTrue(item(items, "next-error").isDisable(), "no error yet: Next error is greyed out");

        boolean follow = dashboard.eventLogViewModel().followProperty().get();
        robot.clickOn("#timeline");
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(!follow, dashboard.eventLogViewModel().followProperty().get(), "L runs the follow action");

        robot.write('?');
        WaitForAsyncUtils.waitForFxEvents();
        for (Action a : actions) {
            if (a.keyText() != null) {
                assertTrue(robot.lookup(a.keyText()).tryQuery().isPresent(), "the cheat sheet lists " + a.keyText());
            }
        }
        robot.type(KeyCode.ESCAPE);
    }

    private static MenuItem item(List<MenuItem> items, String id) {
        return items.stream().filter(m -> ("menu-" + id).equals(m.getId())).findFirst().orElseThrow();
    }

    @Test
    void theConnectDialogTakesATokenInAPasswordFieldAndValidates(FxRobot robot) throws Exception {
        ConnectViewModel vm = new ConnectViewModel(List.of());
        AtomicReference<ConnectDialog> dialog = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            ConnectDialog d = new ConnectDialog(stage, vm);
            dialog.set(d);
            d.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Node connect = dialog.get().getDialogPane().lookupButton(ConnectDialog.CONNECT);
        assertTrue(connect.isDisabled(), "no run id yet");
        assertEquals("Enter at least one flow_run_id", robot.lookup("#connect-problem").queryLabeled().getText());
        assertTrue(robot.lookup("#connect-protocol").lookup("Auto-detect").tryQuery().isPresent(), "the protocol is shown by its label");
        assertTrue(robot.lookup("#connect-lyzr-key-mode").lookup("Key from variable").tryQuery().isPresent(), "so is the key's source");
        robot.clickOn("#connect-runs").write("b4e5edc0-6d59-4db2-9eb0-2380906e461c");
        robot.clickOn("Type it");
        PasswordField token = robot.lookup("#connect-token").queryAs(PasswordField.class);
        robot.clickOn(token).write("b3-typed");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(connect.isDisabled());
        robot.clickOn(connect);
        WaitForAsyncUtils.waitForFxEvents();
        ConnectionSettings s = dialog.get().getResult();
        assertEquals(List.of("b4e5edc0-6d59-4db2-9eb0-2380906e461c"), s.runIds());
        assertEquals("b3-typed", new String(s.token().resolve(java.util.Map.of())));
        assertEquals("", vm.typedTokenProperty().get(), "the dialog forgets the typed token");
    }
}
