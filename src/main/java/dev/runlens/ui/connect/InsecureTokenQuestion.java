package dev.runlens.ui.connect;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.net.URI;

/**
 * Asked before a token goes out over plain {@code ws://} to a host that is not loopback: the
 * command line's {@code --allow-insecure}, as a question. Cancel is the default button.
 */
public final class InsecureTokenQuestion extends Alert {
    public static final ButtonType SEND_ANYWAY = new ButtonType("Send anyway", ButtonBar.ButtonData.OK_DONE);

    /** {@code what}: "the token" or "the Lyzr API key". */
    public InsecureTokenQuestion(Window owner, URI url, String what) {
        super(AlertType.WARNING, text(url, what), SEND_ANYWAY, ButtonType.CANCEL);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Send " + what + " unencrypted?");
        setHeaderText("Send " + what + " unencrypted?");
        getDialogPane().setId("insecure-token-question");
        getDialogPane().lookupButton(SEND_ANYWAY).setId("insecure-send-anyway");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("insecure-cancel");
        // Enter must not send the token: Cancel is the default.
        ((Button) getDialogPane().lookupButton(SEND_ANYWAY)).setDefaultButton(false);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    }

    static String text(URI url, String what) {
        return "ws:// to " + url.getHost() + " is not encrypted: anyone on the network path can read " + what
                + " and use it as you. Use wss:// if the server offers it.";
    }
}
