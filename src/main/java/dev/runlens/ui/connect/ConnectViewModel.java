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
import java.util.ArrayList;
import java.util.List;

/** The Connect dialog's state and validation. Knows no controls. */
public final class ConnectViewModel {
    public enum TokenMode { NONE, ENV, TYPED }

    private final StringProperty url = new SimpleStringProperty("ws://localhost:8080/ws");
    private final ObjectProperty<ProtocolOption> protocol = new SimpleObjectProperty<>(ProtocolOption.AUTO);
    private final ObjectProperty<TokenMode> tokenMode = new SimpleObjectProperty<>(TokenMode.ENV);
    private final StringProperty tokenEnv = new SimpleStringProperty("RUNLENS_TOKEN");
    private final StringProperty typedToken = new SimpleStringProperty("");
    private final StringProperty runIds = new SimpleStringProperty("");
    private final StringProperty lyzrFlow = new SimpleStringProperty("");
    private final StringProperty lyzrRun = new SimpleStringProperty("");
    private final ObservableList<ConnectionSettings> recent = FXCollections.observableArrayList();
    private final StringBinding problem;
    private final BooleanBinding valid;

    public ConnectViewModel(List<ConnectionSettings> recent) {
        this.recent.setAll(recent);
        problem = Bindings.createStringBinding(this::validate, url, protocol, tokenMode, tokenEnv, typedToken, runIds,
                lyzrFlow, lyzrRun);
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
        if (protocol.get() == ProtocolOption.LYZR) {
            boolean inUrl = uri.getPath() != null && uri.getPath().matches(".*/ws/[^/]+/[^/]+/?");
            if (!inUrl && (blank(lyzrFlow.get()) || blank(lyzrRun.get()))) {
                return "Lyzr needs a flow name and a run name";
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public List<String> runIdList() {
        List<String> out = new ArrayList<>();
        for (String s : (runIds.get() == null ? "" : runIds.get()).split("[\\s,;]+")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** The settings to connect with; a typed token is carried as chars and never remembered. */
    public ConnectionSettings settings() {
        TokenSource token;
        switch (tokenMode.get()) {
            case ENV:
                token = new TokenSource.EnvVar(tokenEnv.get().trim());
                break;
            case TYPED:
                token = typedToken.get().isEmpty() ? new TokenSource.None() : new TokenSource.Typed(typedToken.get().toCharArray());
                break;
            default:
                token = new TokenSource.None();
        }
        return settings(token);
    }

    private ConnectionSettings settings(TokenSource token) {
        boolean lyzr = protocol.get() == ProtocolOption.LYZR;
        return new ConnectionSettings(url.get().trim(), protocol.get(), token, lyzr ? List.of() : runIdList(),
                lyzr ? emptyToNull(lyzrFlow.get()) : null, lyzr ? emptyToNull(lyzrRun.get()) : null);
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
        return ConnectionRequest.tokenInClear(target(), ProtocolChoice.valueOf(protocol.get().name()), token);
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

    /** Forgets the typed token (after connecting or cancelling). */
    public void clearToken() {
        typedToken.set("");
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<ProtocolOption> protocolProperty() {
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
