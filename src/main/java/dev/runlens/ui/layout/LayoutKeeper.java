package dev.runlens.ui.layout;

import dev.runlens.ui.theme.TextZoom;
import dev.runlens.ui.theme.Themes;
import dev.runlens.ui.timeline.TimeZoneMode;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Restores the window's layout when it opens and saves it when it closes: size and position,
 * the split panes' dividers, the theme the operator chose, the time zone mode, the zoom, and the
 * tables' columns (order, widths, shown or hidden). Split panes and tables are told apart by id.
 */
public final class LayoutKeeper {
    /** How much of a window's top edge must be on a screen for its saved position to be used. */
    static final double MIN_VISIBLE_WIDTH = 100;
    static final double MIN_VISIBLE_HEIGHT = 30;

    /** The parts of the window the layout covers. */
    public record Parts(Stage stage, Parent root, List<TableView<?>> tables, ObjectProperty<TimeZoneMode> zone, Themes themes,
                        TextZoom zoom) {
    }

    private final LayoutFile file;
    private final Parts parts;
    private final Consumer<LogRecord> log;

    /** {@code log} takes the app log's lines (a missing or damaged file, a position off the screens). */
    public LayoutKeeper(LayoutFile file, Parts parts, Consumer<LogRecord> log) {
        this.file = file;
        this.parts = parts;
        this.log = log;
    }

    /**
     * Restores {@code saved}, read from the file before the window was built (its theme is needed
     * first), and saves the layout when the window closes.
     */
    public void install(Optional<WindowLayout> saved) {
        saved.ifPresent(this::apply);
        parts.stage().addEventHandler(WindowEvent.WINDOW_HIDING, e -> save());
        // The column menu: how a table's columns are hidden and shown again.
        parts.tables().forEach(t -> t.setTableMenuButtonVisible(true));
    }

    /** Writes the current layout; a failure is one line in the app log, never a dialog on the way out. */
    public void save() {
        try {
            file.write(capture());
        } catch (IOException | RuntimeException e) {
            log.accept(LayoutFile.line(Level.WARNING, "could not save the window layout to " + file.path() + " (" + e.getMessage() + ")"));
        }
    }

    /** The layout as it is now. */
    public WindowLayout capture() {
        Stage s = parts.stage();
        WindowLayout.Bounds window = s.isMaximized() || Double.isNaN(s.getWidth()) ? null
                : new WindowLayout.Bounds(s.getX(), s.getY(), s.getWidth(), s.getHeight());
        Map<String, List<Double>> dividers = new LinkedHashMap<>();
        for (SplitPane p : splitPanes()) {
            dividers.put(p.getId(), Arrays.stream(p.getDividerPositions()).boxed().toList());
        }
        Map<String, List<WindowLayout.Column>> tables = new LinkedHashMap<>();
        for (TableView<?> t : parts.tables()) {
            tables.put(t.getId(), t.getColumns().stream()
                    .map(c -> new WindowLayout.Column(key(c), c.getWidth() > 0 ? c.getWidth() : c.getPrefWidth(), c.isVisible())).toList());
        }
        Themes.Theme choice = parts.themes().choice();
        return new WindowLayout(window, s.isMaximized(), dividers, choice == null ? null : choice.name().toLowerCase(Locale.ROOT),
                parts.zone().get().name(), parts.zoom().factorProperty().get(), tables);
    }

    /** Puts {@code l} on the window: each part on its own, so one stale part does not cost the rest. */
    public void apply(WindowLayout l) {
        Stage s = parts.stage();
        if (l.window() != null) {
            s.setWidth(l.window().width());
            s.setHeight(l.window().height());
            List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
            if (onAScreen(l.window(), screens)) {
                s.setX(l.window().x());
                s.setY(l.window().y());
            } else {
                log.accept(LayoutFile.line(Level.INFO, "the saved window position (" + l.window().x() + ", " + l.window().y()
                        + ") is off every screen; not restored"));
            }
        }
        s.setMaximized(l.maximized());
        if (s.isShowing()) {
            applyDividers(l);
        } else {
            // After the first layout at the window's real size: the panes beside the dividers keep
            // their width when the window is resized, so positions set at the scene's first size
            // would move. Laid out again at once, so the first frame already shows them.
            s.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<WindowEvent>() {
                @Override
                public void handle(WindowEvent e) {
                    s.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                    javafx.scene.Scene scene = s.getScene();
                    scene.addPostLayoutPulseListener(new Runnable() {
                        @Override
                        public void run() {
                            scene.removePostLayoutPulseListener(this);
                            applyDividers(l);
                            scene.getRoot().layout();
                        }
                    });
                }
            });
        }
        for (TableView<?> t : parts.tables()) {
            List<WindowLayout.Column> saved = l.tables().get(t.getId());
            if (saved != null) {
                applyColumns(t, saved);
            }
        }
        if (l.theme() != null) {
            parts.themes().choose(Themes.Theme.valueOf(l.theme().toUpperCase(Locale.ROOT)));
        }
        Arrays.stream(TimeZoneMode.values()).filter(z -> z.name().equals(l.timeZone())).findFirst().ifPresent(parts.zone()::set);
        if (l.zoom() > 0) {
            parts.zoom().set(l.zoom());
        }
    }

    private void applyDividers(WindowLayout l) {
        for (SplitPane p : splitPanes()) {
            List<Double> positions = l.dividers().get(p.getId());
            if (positions != null && positions.size() == p.getDividers().size()) {
                p.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
    }

    /** True when enough of the window's top edge (its title bar) would be on one of {@code screens}. */
    static boolean onAScreen(WindowLayout.Bounds b, List<Rectangle2D> screens) {
        for (Rectangle2D screen : screens) {
            double w = Math.min(b.x() + b.width(), screen.getMaxX()) - Math.max(b.x(), screen.getMinX());
            double h = Math.min(b.y() + MIN_VISIBLE_HEIGHT, screen.getMaxY()) - Math.max(b.y(), screen.getMinY());
            if (w >= MIN_VISIBLE_WIDTH && h >= MIN_VISIBLE_HEIGHT) {
                return true;
            }
        }
        return false;
    }

    /** Saved columns first, in their order (columns the file does not know keep their place after them). */
    private static <S> void applyColumns(TableView<S> table, List<WindowLayout.Column> saved) {
        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (WindowLayout.Column c : saved) {
            for (TableColumn<S, ?> col : table.getColumns()) {
                if (key(col).equals(c.key()) && !ordered.contains(col)) {
                    col.setPrefWidth(Math.max(col.getMinWidth(), c.width()));
                    col.setVisible(c.visible());
                    ordered.add(col);
                }
            }
        }
        table.getColumns().stream().filter(col -> !ordered.contains(col)).forEach(ordered::add);
        table.getColumns().setAll(ordered);
    }

    /** A column's id, or its header without a parenthesis ("Time (UTC)" and "Time (local)" are one column). */
    static String key(TableColumn<?, ?> c) {
        if (c.getId() != null) {
            return c.getId();
        }
        String text = c.getText() == null ? "" : c.getText();
        int paren = text.indexOf(" (");
        return paren < 0 ? text : text.substring(0, paren);
    }

    private List<SplitPane> splitPanes() {
        return parts.root().lookupAll(".split-pane").stream().filter(n -> n instanceof SplitPane p && p.getId() != null)
                .map(SplitPane.class::cast).toList();
    }
}
