package dev.runlens.ui.act;

import dev.runlens.act.FlowInputs;
import dev.runlens.act.LastInputs;
import dev.runlens.value.Value;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Start, Stop and Answer dialogs, driven as the operator drives them (headless TestFX). */
@ExtendWith(ApplicationExtension.class)
class ActionDialogsUiTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n instanceof TextArea a ? a.getText() : n instanceof TextField f ? f.getText() : ((Labeled) n).getText();
    }

    private <T> CompletableFuture<Optional<T>> showAndWait(javafx.scene.control.Dialog<T> dialog) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> result.complete(dialog.showAndWait()));
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    @Test
    void startDialogShowsTheTaggedFormAndRefusesWhatCannotBeSent(FxRobot robot) throws Exception {
        StartFlowViewModel vm = new StartFlowViewModel(new LastInputs(dir));
        StartFlowDialog dialog = WaitForAsyncUtils.asyncFx(() -> new StartFlowDialog(stage, vm, null, false)).get();
        CompletableFuture<Optional<StartFlowDialog.Choice>> result = showAndWait(dialog);
        Node start = dialog.getDialogPane().lookupButton(StartFlowDialog.START);
        assertTrue(start.isDisabled(), "no flow yet");
        assertEquals("Enter the id of the flow to start.", text(robot, "#start-problem"));

        robot.clickOn("#start-flow-id").write("flow-1");
        robot.clickOn("#start-inputs").write("{\"amount\": 1.50, \"n\": 3}");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#start-preview").contains("\"D\": \"1.50\""), text(robot, "#start-preview"));
        assertTrue(text(robot, "#start-preview").contains("\"D\": \"3\""));

        robot.clickOn("#start-types").write("n=U");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#start-preview").contains("\"U\": \"3\""), text(robot, "#start-preview"));

        robot.clickOn("#start-types").write("x");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#start-problem").startsWith("Types are written name=TAG"), text(robot, "#start-problem"));
        assertTrue(start.isDisabled());
        robot.interact(() -> vm.typesProperty().set("n=U"));

        robot.clickOn("#start-form-tagged");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#start-problem").startsWith("The input \"amount\" is not a tagged value"), text(robot, "#start-problem"));
        robot.clickOn("#start-form-plain");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(start.isDisabled());
        robot.clickOn(start);
        StartFlowViewModel.Request r = ((StartFlowDialog.Choice.SpaceOperator) result.get(10, TimeUnit.SECONDS).orElseThrow()).request();
        assertEquals("flow-1", r.flowId());
        assertEquals("{\"amount\":{\"D\":\"1.50\"},\"n\":{\"U\":\"3\"}}", FlowInputs.taggedCompact(r.inputs()));
    }

    @Test
    void theLastInputsOfAFlowFillInWhenItsIdIsEntered(FxRobot robot) throws Exception {
        LastInputs last = new LastInputs(dir);
        last.remember("flow-7", new LastInputs.Entry("{\"who\":{\"S\":\"ann\"}}", FlowInputs.Form.TAGGED));
        StartFlowViewModel vm = new StartFlowViewModel(last);
        StartFlowDialog dialog = WaitForAsyncUtils.asyncFx(() -> new StartFlowDialog(stage, vm, null, false)).get();
        CompletableFuture<Optional<StartFlowDialog.Choice>> result = showAndWait(dialog);
        robot.clickOn("#start-flow-id").write("flow-7");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("{\"who\":{\"S\":\"ann\"}}", text(robot, "#start-inputs"));
        assertTrue(robot.lookup("#start-form-tagged").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        robot.interact(() -> dialog.setResult(null));
        robot.interact(dialog::close);
        assertTrue(result.get(10, TimeUnit.SECONDS).isEmpty());
    }

    @Test
    void stopDialogNamesTheRunAndEnterDoesNotStopIt(FxRobot robot) throws Exception {
        StopRunDialog dialog = WaitForAsyncUtils.asyncFx(() -> new StopRunDialog(stage, "b4e5edc0…", "b4e5edc0-6d59-4db2-9eb0-2380906e461c")).get();
        CompletableFuture<Optional<String>> result = showAndWait(dialog);
        assertEquals("Stop run b4e5edc0…?", dialog.getHeaderText());
        assertTrue(text(robot, "#stop-run-text").contains("b4e5edc0-6d59-4db2-9eb0-2380906e461c"));
        assertTrue(((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).isDefaultButton());
        assertFalse(((Button) dialog.getDialogPane().lookupButton(StopRunDialog.STOP)).isDefaultButton());
        robot.clickOn("#stop-reason").write("wrong wallet");
        robot.clickOn(dialog.getDialogPane().lookupButton(StopRunDialog.STOP));
        assertEquals(Optional.of("wrong wallet"), result.get(10, TimeUnit.SECONDS));
    }

    @Test
    void answerDialogSendsATypedValueOrCancelsTheInput(FxRobot robot) throws Exception {
        AnswerInputDialog dialog = WaitForAsyncUtils.asyncFx(() -> new AnswerInputDialog(stage, "run-1", "http://127.0.0.1:1/flow/api_input/x")).get();
        CompletableFuture<Optional<AnswerInputDialog.Choice>> result = showAndWait(dialog);
        Node send = dialog.getDialogPane().lookupButton(AnswerInputDialog.SEND);
        assertTrue(send.isDisabled());
        assertTrue(text(robot, "#answer-url").endsWith("http://127.0.0.1:1/flow/api_input/x"));
        robot.clickOn("#answer-value").write("42");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#answer-preview").contains("\"D\": \"42\""), text(robot, "#answer-preview"));
        robot.interact(() -> robot.lookup("#answer-type").queryAs(javafx.scene.control.ChoiceBox.class).setValue("U"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#answer-preview").contains("\"U\": \"42\""), text(robot, "#answer-preview"));
        robot.clickOn(send);
        AnswerInputDialog.Choice c = result.get(10, TimeUnit.SECONDS).orElseThrow();
        assertEquals(new AnswerInputDialog.Choice.Send(new Value.Int(dev.runlens.value.Tag.U, java.math.BigInteger.valueOf(42))), c);

        AnswerInputDialog second = WaitForAsyncUtils.asyncFx(() -> new AnswerInputDialog(stage, "run-1", "http://127.0.0.1:1/x")).get();
        CompletableFuture<Optional<AnswerInputDialog.Choice>> cancelled = showAndWait(second);
        robot.clickOn(second.getDialogPane().lookupButton(AnswerInputDialog.CANCEL_INPUT));
        assertEquals(Optional.of(new AnswerInputDialog.Choice.CancelInput()), cancelled.get(10, TimeUnit.SECONDS));
    }
}
