package dev.runlens.ui.app;

import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.ui.connect.ConnectDialog;
import dev.runlens.ui.connect.ConnectViewModel;
import dev.runlens.ui.connect.ConnectionSettings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token over plain ws:// to a host that is not loopback: Connect asks first; Cancel keeps the
 * dialog and its entries, "Send anyway" connects with allow-insecure. Nothing is connected here:
 * the test checks the settings the dialog returns and the request built from them (192.0.2.10 is
 * a documentation address, parsed as a literal and never looked up or contacted).
 */
@ExtendWith(ApplicationExtension.class)
class InsecureTokenQuestionUiTest {
    private static final String RUN = "b4e5edc0-6d59-4db2-9eb0-2380906e461c";
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    private ConnectDialog open(String url) throws Exception {
        ConnectViewModel vm = new ConnectViewModel(List.of());
        AtomicReference<ConnectDialog> dialog = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.urlProperty().set(url);
            vm.runIdsProperty().set(RUN);
            ConnectDialog d = new ConnectDialog(stage, vm);
            dialog.set(d);
            d.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return dialog.get();
    }

    private static void typeToken(FxRobot robot, String token) {
        robot.clickOn("Type it");
        robot.clickOn(robot.lookup("#connect-token").queryAs(PasswordField.class)).write(token);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void clickConnect(FxRobot robot, ConnectDialog dialog) {
        Node connect = dialog.getDialogPane().lookupButton(ConnectDialog.CONNECT);
        assertFalse(connect.isDisabled());
        robot.clickOn(connect);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aTokenOverPlainWsToARemoteHostIsSentOnlyAfterSendAnyway(FxRobot robot) throws Exception {
        ConnectDialog dialog = open("ws://192.0.2.10:8080/ws");
        typeToken(robot, "b3-typed-secret");

        clickConnect(robot, dialog);
        assertTrue(robot.lookup("#insecure-token-question").tryQuery().isPresent(), "asked before sending the token");
        String question = robot.lookup("#insecure-token-question .content").queryAs(Labeled.class).getText();
        assertTrue(question.contains("192.0.2.10") && question.contains("not encrypted"), question);
        robot.clickOn("#insecure-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing(), "Cancel keeps the Connect dialog");
        assertNull(dialog.getResult());
        assertEquals("ws://192.0.2.10:8080/ws", robot.lookup("#connect-url").queryAs(TextField.class).getText());
        assertEquals("b3-typed-secret", robot.lookup("#connect-token").queryAs(PasswordField.class).getText(),
                "the entries are kept");

        clickConnect(robot, dialog);
        robot.clickOn("#insecure-send-anyway");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
        ConnectionSettings s = dialog.getResult();
        assertTrue(s.limits().allowInsecure(), "Send anyway connects with allow-insecure");
        ConnectionRequest request = LiveConnector.request(s);
        assertTrue(request.sendsTokenInClear());
        assertTrue(request.allowInsecure());
        assertEquals("b3-typed-secret", request.token().reveal());
    }

    @Test
    void loopbackAndNoTokenAreNotAsked(FxRobot robot) throws Exception {
        ConnectDialog loopback = open("ws://127.0.0.1:8080/ws");
        typeToken(robot, "b3-typed-secret");
        clickConnect(robot, loopback);
        assertFalse(robot.lookup("#insecure-token-question").tryQuery().isPresent());
        assertFalse(loopback.isShowing());
        assertFalse(loopback.getResult().limits().allowInsecure());

        ConnectDialog noToken = open("ws://192.0.2.10:8080/ws");
        robot.clickOn("No token");
        clickConnect(robot, noToken);
        assertFalse(robot.lookup("#insecure-token-question").tryQuery().isPresent());
        assertFalse(noToken.isShowing());
        assertFalse(noToken.getResult().limits().allowInsecure());
        assertFalse(LiveConnector.request(noToken.getResult()).sendsTokenInClear());
    }

    @Test
    void aLyzrKeyTypedInTheDialogIsAskedForByNameAndReachesTheRequestOnlyAfterSendAnyway(FxRobot robot) throws Exception {
        ConnectViewModel vm = new ConnectViewModel(List.of());
        AtomicReference<ConnectDialog> opened = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.urlProperty().set("ws://192.0.2.10:8080");
            vm.protocolProperty().set(ProtocolChoice.LYZR);
            vm.lyzrFlowProperty().set("Customer Support");
            vm.lyzrRunProperty().set("run-1");
            ConnectDialog d = new ConnectDialog(stage, vm);
            opened.set(d);
            d.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        ConnectDialog dialog = opened.get();
        assertTrue(robot.lookup("#connect-lyzr-key").queryAs(PasswordField.class).isDisabled(), "no task id: no key asked");
        robot.clickOn("#connect-lyzr-task-id").write("task-42");
        WaitForAsyncUtils.asyncFx(() -> vm.lyzrKeyModeProperty().set(ConnectViewModel.KeyMode.TYPED)).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#connect-lyzr-key").write("lyzr-typed-key");
        WaitForAsyncUtils.waitForFxEvents();

        clickConnect(robot, dialog);
        String title = robot.lookup("#insecure-token-question .header-panel .label").queryAs(Labeled.class).getText();
        assertEquals("Send the Lyzr API key unencrypted?", title);
        robot.clickOn("#insecure-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing(), "Cancel keeps the Connect dialog");

        clickConnect(robot, dialog);
        robot.clickOn("#insecure-send-anyway");
        WaitForAsyncUtils.waitForFxEvents();
        ConnectionRequest request = LiveConnector.request(dialog.getResult());
        assertEquals("task-42", request.lyzrTaskId());
        assertEquals("lyzr-typed-key", request.lyzrApiKey().reveal());
        assertTrue(request.sendsLyzrKeyInClear() && request.allowInsecure());
    }
}
