package dev.runlens.ui.connect;

import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ProtocolChoice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** The Connect dialog's state and validation. Knows no controls. */
public final class ConnectViewModel {
    public enum TokenMode { NONE, ENV, TYPED }

    /** Where the Lyzr API key for reconciliation comes from: never from an argument. */
    public enum KeyMode { ENV, FILE, TYPED }

    /** The variable {@code record} reads the Lyzr API key from by default. */
    public static final String LYZR_KEY_ENV = "LYZR_API_KEY";

    private final StringProperty url = new SimpleStringProperty("ws://localhost:8080/ws");
    private final ObjectProperty<ProtocolChoice> protocol = new SimpleObjectProperty<>(ProtocolChoice.AUTO);
    private final ObjectProperty<TokenMode> tokenMode = new SimpleObjectProperty<>(TokenMode.ENV);
    private final StringProperty tokenEnv = new SimpleStringProperty("RUNLENS_TOKEN");
    private final StringProperty typedToken = new SimpleStringProperty("");
    private final StringProperty runIds = new SimpleStringProperty("");
    private final StringProperty lyzrFlow = new SimpleStringProperty("");
    private final StringProperty lyzrRun = new SimpleStringProperty("");
    private final StringProperty lyzrTaskId = new SimpleStringProperty("");
    private final ObjectProperty<KeyMode> lyzrKeyMode = new SimpleObjectProperty<>(KeyMode.ENV);
    /** The variable's name (ENV) or the file's path (FILE). */
    private final StringProperty lyzrKeyRef = new SimpleStringProperty(LYZR_KEY_ENV);
    private final StringProperty typedLyzrKey = new SimpleStringProperty("");
    private final ObservableList<ConnectionSettings> recent = FXCollections.observableArrayList();
    private final StringBinding problem;
    private final BooleanBinding valid;

    public ConnectViewModel(List<ConnectionSettings> recent) {
        this.recent.setAll(recent);
        problem = Bindings.createStringBinding(this::validate, url, protocol, tokenMode, tokenEnv, typedToken, runIds,
                lyzrFlow, lyzrRun, lyzrTaskId, lyzrKeyMode, lyzrKeyRef, typedLyzrKey);
        valid = problem.isEmpty();
    }

    private String validate() {
        String u = url.get() == null ? "" : url.get().trim();
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            return "The URL is not valid";
        }
        if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())) {
            return "The URL must start with ws:// or wss://";
        }
        if (uri.getHost() == null) {
            return "The URL needs a host";
        }
        if (uri.getUserInfo() != null) {
            return "Put credentials in the token field, not in the URL";
        }
        if (protocol.get() == ProtocolChoice.LYZR) {
            boolean inUrl = uri.getPath() != null && uri.getPath().matches(".*/ws/[^/]+/[^/]+/?");
            if (!inUrl && (blank(lyzrFlow.get()) || blank(lyzrRun.get()))) {
                return "Lyzr needs a flow name and a run name";
            }
            String key = lyzrKeyProblem();
            if (key != null) {
                return key;
            }
        } else if (runIdList().isEmpty()) {
            return "Enter at least one flow_run_id";
        }
        if (tokenMode.get() == TokenMode.ENV && blank(tokenEnv.get())) {
            return "Enter the name of the environment variable that holds the token";
        }
        if (tokenMode.get() == TokenMode.ENV && !tokenEnv.get().trim().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "An environment variable name has letters, digits and _ only";
        }
        return "";
    }

    /** With a task id, the key must be findable; without one, the key is not used. */
    private String lyzrKeyProblem() {
        if (blank(lyzrTaskId.get())) {
            return null;
        }
        return switch (lyzrKeyMode.get()) {
            case ENV -> lyzrKeyRef.get() != null && lyzrKeyRef.get().trim().matches("[A-Za-z_][A-Za-z0-9_]*") ? null
                    : "The Lyzr API key's variable name has letters, digits and _ only";
            case FILE -> blank(lyzrKeyRef.get()) ? "Enter the file that holds the Lyzr API key" : null;
            case TYPED -> typedLyzrKey.get() == null || typedLyzrKey.get().isEmpty()
                    ? "Type the Lyzr API key, or leave the task id empty" : null;
        };
    }

    private ConnectionSettings.LyzrReconcile lyzrReconcile() {
        if (blank(lyzrTaskId.get())) {
            return ConnectionSettings.LyzrReconcile.NONE;
        }
        TokenSource key = switch (lyzrKeyMode.get()) {
            case ENV -> new TokenSource.EnvVar(lyzrKeyRef.get().trim());
            case FILE -> new TokenSource.FromFile(java.nio.file.Path.of(lyzrKeyRef.get().trim()));
            case TYPED -> new TokenSource.Typed(typedLyzrKey.get().toCharArray());
        };
        return new ConnectionSettings.LyzrReconcile(lyzrTaskId.get(), key);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public List<String> runIdList() {
        return Arrays.stream((runIds.get() == null ? "" : runIds.get()).split("[\\s,;]+")).filter(s -> !s.isBlank()).map(String::trim).toList();
    }

    /** The settings to connect with; a typed token is carried as chars and never remembered. */
    public ConnectionSettings settings() {
        return settings(switch (tokenMode.get()) {
            case ENV -> new TokenSource.EnvVar(tokenEnv.get().trim());
            case TYPED -> typedToken.get().isEmpty() ? new TokenSource.None() : new TokenSource.Typed(typedToken.get().toCharArray());
            case NONE -> new TokenSource.None();
        });
    }

    private ConnectionSettings settings(TokenSource token) {
        boolean lyzr = protocol.get() == ProtocolChoice.LYZR;
        return new ConnectionSettings(url.get().trim(), protocol.get(), token, lyzr ? List.of() : runIdList(),
                lyzr ? emptyToNull(lyzrFlow.get()) : null, lyzr ? emptyToNull(lyzrRun.get()) : null, null,
                lyzr ? lyzrReconcile() : null);
    }

    /** The URL that will be opened (for Lyzr, the run's socket path). Only meaningful when {@link #validProperty()}. */
    public URI target() {
        return settings(new TokenSource.None()).uri();
    }

    /**
     * The settings would send a token unencrypted (plain {@code ws://} to a host that is not
     * loopback), so the operator must agree first. Only meaningful when {@link #validProperty()}.
     */
    public boolean tokenTravelsInClear() {
        if (!valid.get()) {
            return false;
        }
        // An environment variable counts as a token even when unset: the question is about the intent.
        boolean token = tokenMode.get() == TokenMode.ENV || tokenMode.get() == TokenMode.TYPED && !typedToken.get().isEmpty();
        boolean lyzrKey = protocol.get() == ProtocolChoice.LYZR && !blank(lyzrTaskId.get());
        // The Lyzr API key goes to task-status over http:// when the socket is ws://: the same consent.
        return ConnectionRequest.tokenInClear(target(), protocol.get(), token)
                || lyzrKey && ConnectionRequest.plainToRemoteHost(target());
    }

    /** What {@link #tokenTravelsInClear()} would send in clear, for the question: "the token" or "the Lyzr API key". */
    public String secretInClear() {
        boolean lyzrKey = protocol.get() == ProtocolChoice.LYZR && !blank(lyzrTaskId.get());
        return lyzrKey ? "the Lyzr API key" : "the token";
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Fills the fields from a remembered connection (which has no token). */
    public void apply(ConnectionSettings s) {
        url.set(s.url());
        protocol.set(s.protocol());
        runIds.set(String.join("\n", s.runIds()));
        lyzrFlow.set(s.lyzrFlow() == null ? "" : s.lyzrFlow());
        lyzrRun.set(s.lyzrRun() == null ? "" : s.lyzrRun());
        typedToken.set("");
        if (s.token() instanceof TokenSource.EnvVar env) {
            tokenMode.set(TokenMode.ENV);
            tokenEnv.set(env.name());
        } else {
            tokenMode.set(TokenMode.NONE);
        }
    }

    /** Forgets the typed token and Lyzr API key (after connecting or cancelling). */
    public void clearToken() {
        typedToken.set("");
        typedLyzrKey.set("");
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<ProtocolChoice> protocolProperty() {
        return protocol;
    }

    public ObjectProperty<TokenMode> tokenModeProperty() {
        return tokenMode;
    }

    public StringProperty tokenEnvProperty() {
        return tokenEnv;
    }

    public StringProperty typedTokenProperty() {
        return typedToken;
    }

    public StringProperty runIdsProperty() {
        return runIds;
    }

    public StringProperty lyzrFlowProperty() {
        return lyzrFlow;
    }

    public StringProperty lyzrRunProperty() {
        return lyzrRun;
    }

    public StringProperty lyzrTaskIdProperty() {
        return lyzrTaskId;
    }

    public ObjectProperty<KeyMode> lyzrKeyModeProperty() {
        return lyzrKeyMode;
    }

    /** The Lyzr API key's variable name or file path, by {@link #lyzrKeyModeProperty()}. */
    public StringProperty lyzrKeyRefProperty() {
        return lyzrKeyRef;
    }

    public StringProperty typedLyzrKeyProperty() {
        return typedLyzrKey;
    }

    public ObservableList<ConnectionSettings> recent() {
        return recent;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
