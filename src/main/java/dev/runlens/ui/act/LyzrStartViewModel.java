package dev.runlens.ui.act;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.act.ActionFailure;
import dev.runlens.act.LyzrWorkflow;
import dev.runlens.launch.LyzrKeySource;
import dev.runlens.ui.connect.TokenSource;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Start dialog's Lyzr side: the API base, the socket base (blank: beside the API), the
 * workflow (a file, or the one a recorded run was started with) and where the API key comes from,
 * with the Connect dialog's rules: the typed field if filled, else the file if named, else the
 * environment variable. The key itself is read only when the run starts, and never kept.
 */
public final class LyzrStartViewModel {
    /** What the dialog answers: where to post, where the socket is, the workflow, and where the key is. */
    public record Request(URI api, URI socketBase, ObjectNode workflow, TokenSource key) {
        @Override
        public String toString() {
            return "Request[" + api + ", " + socketBase + ", " + workflow.path("flow_name").asText() + "]";
        }
    }

    public static final String DEFAULT_API = "https://lao.studio.lyzr.ai";

    private final StringProperty api = new SimpleStringProperty(DEFAULT_API);
    private final StringProperty socket = new SimpleStringProperty("");
    private final StringProperty workflowFile = new SimpleStringProperty("");
    private final ObjectProperty<ObjectNode> recorded = new SimpleObjectProperty<>();
    private final StringProperty keyEnv = new SimpleStringProperty(LyzrKeySource.DEFAULT_ENV);
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty keyTyped = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private Request request;

    public LyzrStartViewModel() {
        for (ObservableValue<?> entry : List.of(api, socket, workflowFile, recorded, keyEnv, keyFile, keyTyped)) {
            entry.subscribe(t -> update());
        }
    }

    private void update() {
        try {
            URI a = http(api.get(), "The Lyzr API URL");
            URI s = socket.get() == null || socket.get().isBlank() ? null : ws(socket.get());
            ObjectNode w = recorded.get();
            if (w == null) {
                String f = workflowFile.get() == null ? "" : workflowFile.get().strip();
                if (f.isEmpty()) {
                    throw bad("Choose the workflow file to post (the bare workflow object: tasks, flow_name…).");
                }
                w = LyzrWorkflow.read(Path.of(f));
            }
            request = new Request(a, s, w, keySource());
            problem.set("");
            valid.set(true);
        } catch (ActionFailure f) {
            reject(f.sentence());
        } catch (java.nio.file.InvalidPathException e) {
            reject("The workflow file name is not a valid path.");
        }
    }

    private void reject(String sentence) {
        request = null;
        problem.set(sentence);
        valid.set(false);
    }

    /** The typed field if filled, else the file if named, else the environment variable. */
    private TokenSource keySource() throws ActionFailure {
        String typed = keyTyped.get() == null ? "" : keyTyped.get();
        if (!typed.isEmpty()) {
            return new TokenSource.Typed(typed.toCharArray());
        }
        String file = keyFile.get() == null ? "" : keyFile.get().strip();
        if (!file.isEmpty()) {
            return new TokenSource.FromFile(Path.of(file));
        }
        String env = keyEnv.get() == null ? "" : keyEnv.get().strip();
        if (env.isEmpty()) {
            throw bad("Say where the Lyzr API key is: a variable's name, a file, or the key field.");
        }
        return new TokenSource.EnvVar(env);
    }

    private static URI http(String text, String what) throws ActionFailure {
        URI u = parse(text, what);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw bad(what + " must start with https:// (or http://) and name a host.");
        }
        return u;
    }

    private static URI ws(String text) throws ActionFailure {
        URI u = parse(text, "The socket URL");
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || u.getHost() == null) {
            throw bad("The socket URL must start with wss:// (or ws://) and name a host, or be left blank.");
        }
        return u;
    }

    private static URI parse(String text, String what) throws ActionFailure {
        try {
            return URI.create(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw bad(what + " is not a valid URL.");
        }
    }

    private static ActionFailure bad(String sentence) {
        return new ActionFailure(ActionFailure.Kind.BAD_INPUT, sentence);
    }

    /** The request to send, or null while the entries are not valid. */
    public Request request() {
        update();
        return request;
    }

    public StringProperty apiProperty() {
        return api;
    }

    public StringProperty socketProperty() {
        return socket;
    }

    public StringProperty workflowFileProperty() {
        return workflowFile;
    }

    /** The workflow a recorded run was started with ("Run again"); the file is not asked for then. */
    public ObjectProperty<ObjectNode> recordedProperty() {
        return recorded;
    }

    public StringProperty keyEnvProperty() {
        return keyEnv;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty keyTypedProperty() {
        return keyTyped;
    }

    public ObservableStringValue problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableBooleanValue validProperty() {
        return valid.getReadOnlyProperty();
    }
}
