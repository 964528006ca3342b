package dev.runlens.ui.inspector;

import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/** A tree item that builds its children the first time they are needed. */
final class LazyTreeItem extends TreeItem<ValueNode> {
    private boolean built;

    LazyTreeItem(ValueNode node) {
        super(node);
    }

    @Override
    public boolean isLeaf() {
        return getValue().leaf();
    }

    @Override
    public ObservableList<TreeItem<ValueNode>> getChildren() {
        if (!built) {
            built = true;
            super.getChildren().setAll(getValue().children().stream().map(LazyTreeItem::new).toList());
        }
        return super.getChildren();
    }
}
