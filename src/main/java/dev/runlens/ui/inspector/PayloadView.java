package dev.runlens.ui.inspector;

import dev.runlens.json.Json;
import dev.runlens.ui.inspector.InspectorItems.PayloadDoc;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import dev.runlens.ui.controls.JoinWhenShown;
import dev.runlens.ui.controls.LazyContextMenu;
import dev.runlens.ui.controls.LazyTooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One payload: a lazy typed tree, plain JSON or the raw tagged JSON; search; copy value, path or
 * the whole payload (masked unless secrets are revealed). Too-big payloads show their size first.
 */
public final class PayloadView extends BorderPane {
    public enum Mode { TREE, PLAIN, TAGGED }

    private final BooleanProperty reveal;
    private final Consumer<PayloadDoc> showAnyway;
    private final BiConsumer<PayloadDoc, File> save;
    private final String emptyText;
    private final TreeTableView<ValueNode> tree = new TreeTableView<>();
    private final TextArea text = new TextArea();
    private final TextField search = new TextField();
    private final Label searchStatus = new Label();
    private final ReadOnlyStringWrapper copied = new ReadOnlyStringWrapper();
    private final ToggleGroup modes = new ToggleGroup();
    private final VBox bar = new VBox(4);
    private final ToggleButton treeMode = new ToggleButton("Tree");
    private final ToggleButton plainMode = new ToggleButton("JSON");
    private final ToggleButton taggedMode = new ToggleButton("Tagged");
    private PayloadDoc doc;
    private ValueNode root;
    private List<List<ValueNode>> matches = List.of();
    private int matchIndex = -1;

    public PayloadView(String emptyText, BooleanProperty reveal, Consumer<PayloadDoc> showAnyway,
                       BiConsumer<PayloadDoc, File> save) {
        this.emptyText = emptyText;
        this.reveal = reveal;
        this.showAnyway = showAnyway;
        this.save = save;
        createView();
        initListeners();
        show(null);
    }

    private void createView() {
        getStyleClass().add("payload-view");
        for (ToggleButton b : List.of(treeMode, plainMode, taggedMode)) {
            b.setToggleGroup(modes);
            b.setFocusTraversable(false);
        }
        LazyTooltip.set(treeMode, "Typed tree (u64, decimal, pubkey, bytes…)");
        LazyTooltip.set(plainMode, "Plain JSON");
        LazyTooltip.set(taggedMode, "Raw tagged JSON as it arrived");
        treeMode.setSelected(true);
        search.setPromptText("Search payload (Ctrl+F)");
        search.getStyleClass().add("payload-search");
        HBox.setHgrow(search, Priority.ALWAYS);
        Button copyValue = button("Copy value", "Copy the selected value (Ctrl+C)", this::copyValue);
        Button copyPath = button("Copy path", "Copy the selected value's path (Ctrl+Shift+C)", this::copyPath);
        Button copyAll = button("Copy all", "Copy the whole payload as JSON (Ctrl+Alt+C)", this::copyAll);
        for (javafx.scene.control.Control c : List.of(treeMode, plainMode, taggedMode, copyValue, copyPath, copyAll)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        search.setMinWidth(80);
        HBox modesAndSearch = new HBox(4, treeMode, plainMode, taggedMode, search);
        modesAndSearch.setAlignment(Pos.CENTER_LEFT);
        HBox copies = new HBox(4, copyValue, copyPath, copyAll, searchStatus);
        copies.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().setAll(modesAndSearch, copies);
        bar.setPadding(new Insets(4));
        bar.setVisible(false);
        // The tool bar joins when the first payload shows: empty, the view shows only its sentence.
        JoinWhenShown.join(bar, () -> setTop(bar));

        TreeTableColumn<ValueNode, String> key = new TreeTableColumn<>("Key");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().key()));
        key.setPrefWidth(150);
        TreeTableColumn<ValueNode, String> type = new TreeTableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().type()));
        type.setPrefWidth(70);
        TreeTableColumn<ValueNode, String> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().text()));
        value.setCellFactory(c -> new ValueCell());
        value.setPrefWidth(260);
        tree.getColumns().setAll(List.of(key, type, value));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setFixedCellSize(22);
        tree.getStyleClass().add("payload-tree");
        LazyContextMenu.set(tree, () -> new ContextMenu(item("Copy value", this::copyValue), item("Copy path", this::copyPath),
                item("Copy whole payload", this::copyAll)));
        text.setEditable(false);
        text.getStyleClass().add("mono");
    }

    private static Button button(String label, String tip, Runnable action) {
        Button b = new Button(label);
        LazyTooltip.set(b, tip);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem m = new MenuItem(label);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void initListeners() {
        modes.selectedToggleProperty().subscribe((o, n) -> {
            if (n == null) {
                modes.selectToggle(o);
            } else {
                render();
            }
        });
        reveal.subscribe(r -> show(doc));
        search.textProperty().subscribe(q -> runSearch());
        search.setOnAction(e -> nextMatch());
        setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
                copyPath();
            } else if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN).match(e)) {
                copyAll();
            } else if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e) && !text.isFocused()) {
                copyValue();
            } else if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
                search.requestFocus();
            } else {
                return;
            }
            e.consume();
        });
    }

    public void show(PayloadDoc doc) {
        this.doc = doc;
        if (doc == null) {
            root = null;
            Label l = new Label(emptyText);
            l.setPadding(new Insets(12));
            setCenter(l);
            bar.setVisible(false);
            return;
        }
        if (doc.tooBig()) {
            root = null;
            bar.setVisible(false);
            Label l = new Label(doc.label() + ": " + InspectorViewModel.sizeText(doc.size())
                    + ". Large payloads are not loaded until you ask.");
            l.setWrapText(true);
            Button anyway = new Button("Show anyway");
            anyway.setId("show-anyway");
            anyway.setOnAction(e -> showAnyway.accept(doc));
            Button saveButton = new Button("Save to file…");
            saveButton.setOnAction(e -> chooseAndSave());
            VBox box = new VBox(8, l, new HBox(8, anyway, saveButton));
            box.getStyleClass().add("too-big");
            setCenter(box);
            return;
        }
        bar.setVisible(true);
        root = doc.payload() == null ? null : doc.payload().tagged()
                ? ValueNode.ofValue(doc.label(), doc.payload().value(), reveal.get())
                : ValueNode.ofJson(doc.label(), doc.payload().json(), reveal.get());
        render();
        runSearch();
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(doc.label().replace(' ', '-') + ".json");
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            save.accept(doc, f);
        }
    }

    private void render() {
        if (root == null) {
            return;
        }
        Mode m = mode();
        if (m == Mode.TREE) {
            LazyTreeItem item = new LazyTreeItem(root);
            item.setExpanded(true);
            tree.setRoot(item);
            tree.setShowRoot(root.leaf());
            setCenter(tree);
        } else {
            text.setText(Json.pretty(m == Mode.PLAIN ? root.plainJson() : root.rawJson()));
            setCenter(text);
        }
    }

    public Mode mode() {
        return modes.getSelectedToggle() == plainMode ? Mode.PLAIN : modes.getSelectedToggle() == taggedMode ? Mode.TAGGED
                : Mode.TREE;
    }

    public void setMode(Mode m) {
        modes.selectToggle(m == Mode.PLAIN ? plainMode : m == Mode.TAGGED ? taggedMode : treeMode);
    }

    private void runSearch() {
        if (root == null || search.getText().isBlank()) {
            matches = List.of();
            matchIndex = -1;
            searchStatus.setText("");
            return;
        }
        matches = root.search(search.getText(), 1000);
        matchIndex = -1;
        if (matches.isEmpty()) {
            searchStatus.setText("no match");
        } else {
            nextMatch();
        }
    }

    private void nextMatch() {
        if (matches.isEmpty()) {
            return;
        }
        matchIndex = (matchIndex + 1) % matches.size();
        searchStatus.setText((matchIndex + 1) + " of " + matches.size() + (matches.size() == 1000 ? "+" : ""));
        if (mode() != Mode.TREE) {
            setMode(Mode.TREE);
        }
        reveal(matches.get(matchIndex));
    }

    /** Expands the tree down a chain of nodes and selects its last one. */
    private void reveal(List<ValueNode> chain) {
        TreeItem<ValueNode> item = tree.getRoot();
        for (int i = 1; i < chain.size() && item != null; i++) {
            item.setExpanded(true);
            ValueNode step = chain.get(i);
            item = item.getChildren().stream().filter(c -> c.getValue() == step).findFirst().orElse(null);
        }
        if (item != null) {
            tree.getSelectionModel().select(item);
            int row = tree.getRow(item);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 3));
            }
        }
    }

    private ValueNode selected() {
        TreeItem<ValueNode> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? root : item.getValue();
    }

    public void copyValue() {
        ValueNode n = selected();
        if (n != null) {
            copy(n.copyValue());
        }
    }

    public void copyPath() {
        ValueNode n = selected();
        if (n != null) {
            copy(n.path());
        }
    }

    public void copyAll() {
        if (root != null) {
            copy(Json.pretty(mode() == Mode.TAGGED ? root.rawJson() : root.plainJson()));
        }
    }

    private void copy(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
        copied.set(s);
        searchStatus.setText("copied");
    }

    /** What was last put on the clipboard (masked unless secrets are revealed). */
    public ReadOnlyStringProperty copiedProperty() {
        return copied.getReadOnlyProperty();
    }

    public TreeTableView<ValueNode> tree() {
        return tree;
    }

    private static final class ValueCell extends TreeTableCell<ValueNode, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            getStyleClass().remove("masked");
            TreeItem<ValueNode> ti = empty || getTableRow() == null ? null : getTableRow().getTreeItem();
            if (ti != null && ti.getValue().masked()) {
                getStyleClass().add("masked");
                setTooltip(new Tooltip("Looks secret: masked until you tick \"Reveal secrets\""));
            } else {
                setTooltip(null);
            }
        }
    }
}
