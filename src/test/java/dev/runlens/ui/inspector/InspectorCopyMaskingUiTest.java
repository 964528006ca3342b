package dev.runlens.ui.inspector;

import dev.runlens.value.Masking;
import dev.runlens.model.Run;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.inspector.InspectorItems.PayloadDoc;
import dev.runlens.ui.timeline.NodeNames;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the inspector's copy buttons put on the clipboard for the Lyzr example inputs: a task's
 * {@code config.api_key} and an HTTP task's {@code Authorization} header stay masked in "Copy
 * value", "Copy path" and "Copy all" (tree, JSON and tagged modes) until "Reveal secrets".
 */
@ExtendWith(ApplicationExtension.class)
class InspectorCopyMaskingUiTest {
    private static final String API_KEY = "sk-prod-sentiment-key";
    private static final String BEARER = "sf_prod_token_xyz";

    private final BooleanProperty reveal = new SimpleBooleanProperty(false);
    private PayloadView view;

    @Start
    void start(Stage stage) {
        view = new PayloadView("No input", reveal, d -> { }, (d, f) -> { });
        stage.setScene(new Scene(view, 700, 500));
        stage.show();
    }

    /** The input of a task of the Lyzr docs sample, as the inspector loads it. */
    private static PayloadDoc input(String task) {
        DashboardModel model = TestData.load(TestData.fixture("lyzr-docs-sample"));
        Selection selection = new Selection();
        InspectorViewModel vm = new InspectorViewModel(model, selection, new NodeNames(), Runnable::run, Runnable::run);
        Run run = model.runs().get(0);
        selection.select(run.ref(), run.execution(task, 0));
        return vm.inputProperty().get();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private void show(PayloadDoc doc) throws Exception {
        fx(() -> {
            view.show(doc);
            return null;
        });
    }

    private void select(String path) throws Exception {
        fx(() -> {
            TreeItem<ValueNode> item = find(view.tree().getRoot(), path);
            assertTrue(item != null, "no node " + path);
            view.tree().getSelectionModel().select(item);
            return null;
        });
    }

    private static TreeItem<ValueNode> find(TreeItem<ValueNode> item, String path) {
        if (item.getValue().path().equals(path)) {
            return item;
        }
        if (!path.startsWith(item.getValue().path())) {
            return null;
        }
        item.setExpanded(true);
        for (TreeItem<ValueNode> child : item.getChildren()) {
            TreeItem<ValueNode> found = find(child, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Clicks a copy button and returns what reached the system clipboard. */
    private String click(FxRobot robot, String button) throws Exception {
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        String clipboard = fx(() -> Clipboard.getSystemClipboard().getString());
        assertEquals(view.copiedProperty().get(), clipboard);
        return clipboard;
    }

    private void mode(PayloadView.Mode m) throws Exception {
        fx(() -> {
            view.setMode(m);
            return null;
        });
    }

    @Test
    void theApiKeyIsMaskedInEveryCopyUntilRevealed(FxRobot robot) throws Exception {
        show(input("sentiment_analyzer"));
        select("$.config.api_key");
        assertEquals(Masking.MASK, click(robot, "Copy value"));
        assertEquals("$.config.api_key", click(robot, "Copy path"));
        select("$.config");
        String config = click(robot, "Copy value");
        assertTrue(config.contains("api_key") && config.contains(Masking.MASK), config);
        assertFalse(config.contains(API_KEY), config);
        for (PayloadView.Mode m : PayloadView.Mode.values()) {
            mode(m);
            String all = click(robot, "Copy all");
            assertTrue(all.contains("\"api_key\""), m + ": " + all);
            assertFalse(all.contains(API_KEY), m + ": " + all);
        }

        mode(PayloadView.Mode.TREE);
        fx(() -> {
            reveal.set(true);
            return null;
        });
        select("$.config.api_key");
        assertEquals(API_KEY, click(robot, "Copy value"), "revealed on purpose");
        assertTrue(click(robot, "Copy all").contains(API_KEY));
    }

    @Test
    void theAuthorizationHeaderIsMaskedInEveryCopyUntilRevealed(FxRobot robot) throws Exception {
        show(input("update_salesforce"));
        select("$.config.headers.Authorization");
        assertEquals(Masking.MASK, click(robot, "Copy value"));
        assertEquals("$.config.headers.Authorization", click(robot, "Copy path"));
        select("$.config.headers");
        assertFalse(click(robot, "Copy value").contains(BEARER));
        for (PayloadView.Mode m : PayloadView.Mode.values()) {
            mode(m);
            String all = click(robot, "Copy all");
            assertTrue(all.contains("\"Authorization\""), m + ": " + all);
            assertFalse(all.contains(BEARER), m + ": " + all);
        }
        mode(PayloadView.Mode.TREE);
        fx(() -> {
            reveal.set(true);
            return null;
        });
        select("$.config.headers.Authorization");
        assertEquals("Bearer " + BEARER, click(robot, "Copy value"));
    }

    @Test
    void searchingTheTreeExpandsDownToTheMatchAndSelectsIt(FxRobot robot) throws Exception {
        show(input("update_salesforce"));
        mode(PayloadView.Mode.PLAIN);
        robot.clickOn(".payload-search").write("Authorization");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PayloadView.Mode.TREE, fx(view::mode), "a match shows in the tree");
        assertEquals("$.config.headers.Authorization",
                fx(() -> view.tree().getSelectionModel().getSelectedItem().getValue().path()));
    }
}
