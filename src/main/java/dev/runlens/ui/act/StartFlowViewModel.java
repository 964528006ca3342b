package dev.runlens.ui.act;

import dev.runlens.act.ActionFailure;
import dev.runlens.act.FlowInputs;
import dev.runlens.act.LastInputs;
import dev.runlens.value.Tag;
import dev.runlens.value.Value;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Start dialog's state: flow id, inputs as plain or tagged JSON, a type per plain field, the
 * tagged form that will be sent (or the sentence that says why nothing can be), and a note (why
 * "Run again" has no inputs). The inputs last given to a flow fill in when its id is entered.
 */
public final class StartFlowViewModel {
    /** What the dialog answers: the flow, its tagged inputs, and what was typed (to remember). */
    public record Request(String flowId, Map<String, Value> inputs, LastInputs.Entry typed) {
    }

    private final StringProperty flowId = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<FlowInputs.Form> form = new SimpleObjectProperty<>(FlowInputs.Form.PLAIN);
    private final StringProperty types = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty remembered = new SimpleBooleanProperty(false);
    private final LastInputs last;
    private Map<String, Value> parsed = Map.of();

    public StartFlowViewModel(LastInputs last) {
        this.last = last;
        flowId.subscribe(this::recall);
        text.subscribe(t -> update());
        form.subscribe(f -> update());
        types.subscribe(t -> update());
        update();
    }

    /** Fills in the inputs last given to this flow, while nothing has been typed. */
    private void recall(String id) {
        if (last == null || id == null || id.isBlank() || !text.get().isBlank() && !remembered.get()) {
            update();
            return;
        }
        LastInputs.Entry e = last.load(id.strip());
        if (e != null) {
            form.set(e.form());
            text.set(e.text());
            remembered.set(true);
        }
        update();
    }

    private void update() {
        String id = flowId.get() == null ? "" : flowId.get().strip();
        try {
            parsed = FlowInputs.parse(text.get(), form.get(), parseTypes(types.get()));
            preview.set(FlowInputs.taggedText(parsed));
            problem.set(id.isEmpty() ? "Enter the id of the flow to start." : "");
            valid.set(!id.isEmpty());
        } catch (ActionFailure f) {
            preview.set("");
            problem.set(f.sentence());
            valid.set(false);
        }
    }

    /** {@code name=TAG, name=TAG}: the types chosen for plain fields. */
    static Map<String, Tag> parseTypes(String text) throws ActionFailure {
        Map<String, Tag> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            Tag t = eq <= 0 ? null : Tag.ofKey(p.substring(eq + 1).strip().toUpperCase(Locale.ROOT));
            if (t == null) {
                throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, "Types are written name=TAG, like amount=U or price=F (\""
                        + p + "\" is not).");
            }
            out.put(p.substring(0, eq).strip(), t);
        }
        return out;
    }

    /** The request to send, or null while the entries are not valid. */
    public Request request() {
        update();
        if (!valid.get()) {
            return null;
        }
        return new Request(flowId.get().strip(), parsed, new LastInputs.Entry(text.get(), form.get()));
    }

    public StringProperty flowIdProperty() {
        return flowId;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<FlowInputs.Form> formProperty() {
        return form;
    }

    public StringProperty typesProperty() {
        return types;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObservableStringValue previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableStringValue problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableBooleanValue validProperty() {
        return valid.getReadOnlyProperty();
    }
}
