package dev.runlens.ui.app;

import dev.runlens.ui.act.RunActions;
import dev.runlens.ui.controls.Action;
import dev.runlens.ui.controls.Action.Place;
import dev.runlens.ui.inspector.InspectorItems;
import javafx.beans.property.BooleanProperty;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;

/**
 * The window's actions, one list in the order of the cheat sheet: the menu bar, the keys and the
 * cheat sheet are built from it ({@link ActionMenus}, {@link KeyShortcuts}, {@link CheatSheet}).
 */
final class DashboardActions {
    private DashboardActions() {
    }

    static List<Action> of(Dashboard d, Navigation nav, DashboardDialogs dialogs) {
        KeyCombination.Modifier ctrl = KeyCombination.SHORTCUT_DOWN;
        KeyCombination.Modifier alt = KeyCombination.ALT_DOWN;
        var anyError = d.errorsViewModel().totalProperty().greaterThan(0);
        List<Action> all = new ArrayList<>();
        all.add(Action.of("connect", Place.FILE_CONNECT, "Connect to a server…", new KeyCodeCombination(KeyCode.N, ctrl), "Ctrl+N",
                () -> dialogs.connect(d::connect)));
        all.addAll(d.replay().fileActions());
        all.add(Action.of("fit-timeline", Place.VIEW, "Fit the timeline to the run", new KeyCodeCombination(KeyCode.F), "F",
                d.timeline()::fit));
        all.add(Action.keysOnly("zoom", "+ / −, wheel", "Zoom the timeline (focus on the timeline)"));
        all.add(Action.keysOnly("pan", "drag, Shift+wheel", "Pan the timeline (time / rows)"));
        all.add(Action.keysOnly("step-execution", "← → ↑ ↓", "Previous / next execution, row above / below (timeline)"));
        all.add(Action.of("time-axis", Place.VIEW, "Time axis: UTC / local / relative", new KeyCodeCombination(KeyCode.Z), "Z",
                d.timelinePane()::cycleZone));
        all.add(Action.of("search-runs", Place.GO, "Search all recorded runs…",
                new KeyCodeCombination(KeyCode.F, ctrl, KeyCombination.SHIFT_DOWN), "Ctrl+Shift+F",
                () -> d.search().show(d.root().getScene() == null ? null : d.root().getScene().getWindow())));
        all.add(Action.of("next-error", Place.GO, "Next error", new KeyCodeCombination(KeyCode.E), "E",
                () -> nav.stepError(1)).enabledWhen(anyError));
        all.add(Action.of("previous-error", Place.GO, "Previous error", new KeyCodeCombination(KeyCode.E, KeyCombination.SHIFT_DOWN),
                "Shift+E", () -> nav.stepError(-1)).enabledWhen(anyError));
        all.add(Action.of("follow-log", Place.VIEW, "Follow the event log on / off", new KeyCodeCombination(KeyCode.L), "L",
                () -> toggle(d.eventLogViewModel().followProperty())));
        all.add(Action.of("previous-run", Place.GO, "Previous run", new KeyCodeCombination(KeyCode.UP, alt), "Alt+↑", () -> nav.stepRun(-1)));
        all.add(Action.of("next-run", Place.GO, "Next run", new KeyCodeCombination(KeyCode.DOWN, alt), "Alt+↓", () -> nav.stepRun(1)));
        all.add(Action.of("focus-runs", Place.NONE, "Focus the runs list", new KeyCodeCombination(KeyCode.DIGIT1, ctrl), "Ctrl+1",
                () -> d.runs().list().requestFocus()));
        all.add(Action.of("focus-timeline", Place.NONE, "Focus the timeline", new KeyCodeCombination(KeyCode.DIGIT2, ctrl), "Ctrl+2",
                d.timeline()::requestFocus));
        all.add(Action.of("focus-inspector", Place.NONE, "Focus the inspector", new KeyCodeCombination(KeyCode.DIGIT3, ctrl), "Ctrl+3",
                () -> d.inspector().tabs().requestFocus()));
        all.add(Action.of("errors-tab", Place.NONE, "Errors tab", new KeyCodeCombination(KeyCode.DIGIT4, ctrl), "Ctrl+4",
                () -> nav.focusBottom(d.errorsTab(), d.errors().table())));
        all.add(Action.of("events-tab", Place.NONE, "Event log tab", new KeyCodeCombination(KeyCode.DIGIT5, ctrl), "Ctrl+5",
                () -> nav.focusBottom(d.eventsTab(), d.eventLog().table())));
        InspectorItems.Tab[] tabs = {InspectorItems.Tab.INPUT, InspectorItems.Tab.OUTPUT, InspectorItems.Tab.ERRORS,
                InspectorItems.Tab.LOGS, InspectorItems.Tab.RAW};
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        for (int i = 0; i < tabs.length; i++) {
            InspectorItems.Tab tab = tabs[i];
            // One line of the cheat sheet for the five keys.
            all.add(Action.of("inspector-" + tab.name().toLowerCase(java.util.Locale.ROOT), Place.NONE,
                    "Inspector: Input, Output, Errors, Logs, Raw", new KeyCodeCombination(digits[i], alt), i == 0 ? "Alt+1…5" : null,
                    () -> d.inspector().selectTab(tab)));
        }
        all.add(Action.keysOnly("inspector-search", "Ctrl+F", "Search in the payload (inspector)"));
        all.add(Action.keysOnly("inspector-copy", "Ctrl+C, Ctrl+Shift+C, Ctrl+Alt+C", "Copy value, path, whole payload (inspector)"));
        RunActions acts = d.runActions();
        all.add(Action.of("start-flow", Place.RUN, "Start a flow…", new KeyCodeCombination(KeyCode.N, ctrl, KeyCombination.SHIFT_DOWN),
                "Ctrl+Shift+N", acts::startFlow));
        all.add(Action.of("stop-run", Place.RUN, "Stop the selected run…", new KeyCodeCombination(KeyCode.PERIOD, ctrl), "Ctrl+.",
                acts::stopSelected));
        all.add(Action.of("run-again", Place.RUN, "Run the selected run again…", new KeyCodeCombination(KeyCode.R, ctrl, KeyCombination.SHIFT_DOWN),
                "Ctrl+Shift+R", acts::runAgain));
        all.add(Action.of("answer-input", Place.RUN, "Answer the selected run's input…",
                new KeyCodeCombination(KeyCode.I, ctrl, KeyCombination.SHIFT_DOWN), "Ctrl+Shift+I", acts::answerInput)
                .enabledWhen(acts.selectedWaits()));
        all.add(Action.of("compare-baseline", Place.RUN, "Compare with baseline…",
                new KeyCodeCombination(KeyCode.B, ctrl, KeyCombination.SHIFT_DOWN), "Ctrl+Shift+B", d::compareSelected));
        all.add(Action.of("reveal-secrets", Place.VIEW, "Reveal / hide secrets", new KeyCodeCombination(KeyCode.R, ctrl), "Ctrl+R",
                () -> toggle(d.inspectorViewModel().revealSecretsProperty())));
        all.add(Action.of("theme", Place.VIEW, "Light / dark theme", new KeyCodeCombination(KeyCode.T, ctrl), "Ctrl+T", d.themes()::toggle));
        all.add(Action.of("zoom-in", Place.VIEW, "Larger text", new KeyCodeCombination(KeyCode.EQUALS, ctrl), "Ctrl+=", d.zoom()::in));
        all.add(Action.of("zoom-out", Place.VIEW, "Smaller text", new KeyCodeCombination(KeyCode.MINUS, ctrl), "Ctrl+-", d.zoom()::out));
        all.add(Action.of("zoom-reset", Place.VIEW, "Text at the desktop's size", new KeyCodeCombination(KeyCode.DIGIT0, ctrl), "Ctrl+0",
                d.zoom()::reset));
        // The keypad's + and -, and Ctrl+Shift+= (Ctrl++ on most layouts): the same zoom, not listed twice.
        all.add(Action.of("zoom-in-keypad", Place.NONE, "Larger text", new KeyCodeCombination(KeyCode.ADD, ctrl), null, d.zoom()::in));
        all.add(Action.of("zoom-out-keypad", Place.NONE, "Smaller text", new KeyCodeCombination(KeyCode.SUBTRACT, ctrl), null, d.zoom()::out));
        all.add(Action.of("zoom-in-plus", Place.NONE, "Larger text", new KeyCodeCombination(KeyCode.EQUALS, ctrl, KeyCombination.SHIFT_DOWN),
                null, d.zoom()::in));
        all.add(Action.of("flow-export", Place.FILE_APP, "Load a flow export for node names…",
                new KeyCodeCombination(KeyCode.L, ctrl, KeyCombination.SHIFT_DOWN), "Ctrl+Shift+L", dialogs::loadFlowExport));
        all.add(Action.of("cheat-sheet", Place.HELP, "Keyboard shortcuts", null, "?", () -> dialogs.cheatSheet(all)));
        all.add(Action.of("quit", Place.FILE_APP, "Quit", new KeyCodeCombination(KeyCode.Q, ctrl), "Ctrl+Q", dialogs::quit));
        return List.copyOf(all);
    }

    private static void toggle(BooleanProperty p) {
        p.set(!p.get());
    }
}
