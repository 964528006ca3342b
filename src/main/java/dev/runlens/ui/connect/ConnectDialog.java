package dev.runlens.ui.connect;

import dev.runlens.connect.ProtocolChoice;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The Connect dialog: URL, protocol, token (password field or environment variable name), runs, recents. */
public final class ConnectDialog extends Dialog<ConnectionSettings> {
    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
    private final ConnectViewModel vm;
    /** The operator agreed to send the token over plain ws:// (asked on Connect). */
    private boolean insecureAllowed;

    public ConnectDialog(Window owner, ConnectViewModel vm) {
        this.vm = vm;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Connect to a server");
        setHeaderText("Watch runs live over WebSocket");
        dev.runlens.ui.theme.Themes.style(getDialogPane());
        createView();
        initListeners();
        setResultConverter(b -> {
            ConnectionSettings s = b == CONNECT ? vm.settings() : null;
            if (s != null && insecureAllowed) {
                s = s.allowingInsecure();
            }
            vm.clearToken();
            return s;
        });
    }

    /** Connect asks first when the token would travel unencrypted; declining keeps the dialog and its entries. */
    private void initListeners() {
        getDialogPane().lookupButton(CONNECT).addEventFilter(ActionEvent.ACTION, e -> {
            insecureAllowed = false;
            if (!vm.tokenTravelsInClear()) {
                return;
            }
            InsecureTokenQuestion question = new InsecureTokenQuestion(getDialogPane().getScene().getWindow(), vm.target(),
                    vm.secretInClear());
            if (question.showAndWait().orElse(ButtonType.CANCEL) == InsecureTokenQuestion.SEND_ANYWAY) {
                insecureAllowed = true;
            } else {
                e.consume();
            }
        });
    }

    private void createView() {
        ComboBox<ConnectionSettings> recent = new ComboBox<>(vm.recent());
        recent.setId("connect-recent");
        recent.setPromptText(vm.recent().isEmpty() ? "No recent connections" : "Recent connections…");
        recent.setButtonCell(recentCell());
        recent.setCellFactory(l -> recentCell());
        recent.setMaxWidth(Double.MAX_VALUE);
        recent.valueProperty().subscribe(s -> {
            if (s != null) {
                vm.apply(s);
            }
        });

        TextField url = bound(new TextField(), "connect-url", vm.urlProperty());
        url.setPrefColumnCount(34);
        ChoiceBox<ProtocolChoice> protocol = choice("connect-protocol", ProtocolChoice.values(), ProtocolChoice::label);
        protocol.valueProperty().bindBidirectional(vm.protocolProperty());

        ToggleGroup tokenGroup = new ToggleGroup();
        RadioButton none = radio("No token", tokenGroup, ConnectViewModel.TokenMode.NONE);
        RadioButton env = radio("From environment variable", tokenGroup, ConnectViewModel.TokenMode.ENV);
        RadioButton typed = radio("Type it", tokenGroup, ConnectViewModel.TokenMode.TYPED);
        tokenGroup.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                vm.tokenModeProperty().set((ConnectViewModel.TokenMode) t.getUserData());
            }
        });
        vm.tokenModeProperty().subscribe(m -> tokenGroup.getToggles().forEach(t -> {
            if (t.getUserData() == m) {
                tokenGroup.selectToggle(t);
            }
        }));
        TextField envName = bound(new TextField(), "connect-token-env", vm.tokenEnvProperty());
        envName.disableProperty().bind(vm.tokenModeProperty().isNotEqualTo(ConnectViewModel.TokenMode.ENV));
        PasswordField token = bound(new PasswordField(), "connect-token", vm.typedTokenProperty());
        token.setPromptText("API key (b3-…), flow-run token (fr-…) or JWT");
        token.disableProperty().bind(vm.tokenModeProperty().isNotEqualTo(ConnectViewModel.TokenMode.TYPED));

        TextArea runs = bound(new TextArea(), "connect-runs", vm.runIdsProperty());
        runs.setPromptText("flow_run_id, one per line");
        runs.setPrefRowCount(3);
        TextField flow = bound(new TextField(), "connect-lyzr-flow", vm.lyzrFlowProperty());
        TextField run = bound(new TextField(), "connect-lyzr-run", vm.lyzrRunProperty());
        var lyzr = vm.protocolProperty().isEqualTo(ProtocolChoice.LYZR);
        runs.disableProperty().bind(lyzr);
        flow.disableProperty().bind(lyzr.not());
        run.disableProperty().bind(lyzr.not());
        Node reconcile = lyzrReconcileRow(lyzr);

        Label problem = new Label();
        problem.getStyleClass().add("error-message");
        problem.textProperty().bind(vm.problemProperty());
        problem.setId("connect-problem");

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        int r = 0;
        g.addRow(r++, new Label("Recent"), recent);
        g.addRow(r++, new Label("URL"), url);
        g.addRow(r++, new Label("Protocol"), protocol);
        g.addRow(r++, new Label("Token"), new HBox(10, none, env, typed));
        g.addRow(r++, new Label("Variable"), envName);
        g.addRow(r++, new Label("Typed token"), token);
        g.addRow(r++, new Label("Run ids"), runs);
        g.addRow(r++, new Label("Lyzr flow"), flow);
        g.addRow(r++, new Label("Lyzr run"), run);
        g.addRow(r++, new Label("Lyzr task id"), reconcile);
        g.add(problem, 1, r);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        Node connect = getDialogPane().lookupButton(CONNECT);
        connect.disableProperty().bind(vm.validProperty().not());
        getDialogPane().setId("connect-dialog");
    }

    /**
     * Lyzr reconciliation, as {@code record --lyzr-task-id}: the task_id run-dag answered, and
     * where the API key comes from (a variable, a file, or typed; never remembered).
     */
    private Node lyzrReconcileRow(javafx.beans.binding.BooleanBinding lyzr) {
        TextField taskId = bound(new TextField(), "connect-lyzr-task-id", vm.lyzrTaskIdProperty());
        taskId.setPromptText("task_id from run-dag (optional: reconciles gaps from task-status)");
        ChoiceBox<ConnectViewModel.KeyMode> keyMode = choice("connect-lyzr-key-mode", ConnectViewModel.KeyMode.values(), m -> switch (m) {
            case ENV -> "Key from variable";
            case FILE -> "Key from file";
            case TYPED -> "Type the key";
        });
        keyMode.valueProperty().bindBidirectional(vm.lyzrKeyModeProperty());
        TextField keyRef = bound(new TextField(), "connect-lyzr-key-ref", vm.lyzrKeyRefProperty());
        keyRef.setPromptText("variable name or file path");
        PasswordField key = bound(new PasswordField(), "connect-lyzr-key", vm.typedLyzrKeyProperty());
        key.setPromptText("Lyzr API key");
        var typed = vm.lyzrKeyModeProperty().isEqualTo(ConnectViewModel.KeyMode.TYPED);
        var noTask = vm.lyzrTaskIdProperty().isEmpty();
        taskId.disableProperty().bind(lyzr.not());
        keyMode.disableProperty().bind(lyzr.not().or(noTask));
        keyRef.disableProperty().bind(lyzr.not().or(noTask).or(typed));
        key.disableProperty().bind(lyzr.not().or(noTask).or(typed.not()));
        return new HBox(8, taskId, keyMode, keyRef, key);
    }

    /** A choice box of {@code values}, each shown by {@code label}. */
    private static <T> ChoiceBox<T> choice(String id, T[] values, Function<T, String> label) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null; // picked, never typed
            }
        });
        return box;
    }

    private static <T extends TextInputControl> T bound(T field, String id, StringProperty text) {
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private static RadioButton radio(String text, ToggleGroup g, ConnectViewModel.TokenMode mode) {
        RadioButton b = new RadioButton(text);
        b.setToggleGroup(g);
        b.setUserData(mode);
        return b;
    }

    private static ListCell<ConnectionSettings> recentCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ConnectionSettings s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.describe());
            }
        };
    }
}
