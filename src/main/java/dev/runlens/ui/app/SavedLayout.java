package dev.runlens.ui.app;

import dev.runlens.ui.layout.LayoutFile;
import dev.runlens.ui.layout.WindowLayout;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The remembered layout, read from its file on a thread of its own while JavaFX and GTK start, so the
 * FX thread does not read the file and warm up the JSON reader before it can build the window
 * (decision 0083). A file that cannot be read is an empty layout, with its line for the app log.
 */
record SavedLayout(LayoutFile file, CompletableFuture<Optional<WindowLayout>> reading) {
    /** Starts reading the default location's layout on a daemon thread. */
    static SavedLayout readInBackground() {
        LayoutFile file = LayoutFile.inDefaultLocation();
        CompletableFuture<Optional<WindowLayout>> read = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("runlens-layout").start(() -> {
            try {
                read.complete(file.read(AppLog::later));
            } catch (Throwable e) {
                // The window still opens (with its default layout), never waits for a thread that died.
                read.completeExceptionally(e);
            }
        });
        return new SavedLayout(file, read);
    }

    /** Reads the default location's layout on the calling thread. */
    static SavedLayout readNow() {
        LayoutFile file = LayoutFile.inDefaultLocation();
        return new SavedLayout(file, CompletableFuture.completedFuture(file.read(AppLog::later)));
    }

    /** The layout, waiting for the reading thread if it has not finished. */
    Optional<WindowLayout> layout() {
        try {
            return reading.join();
        } catch (CompletionException e) {
            AppLog.later(new LogRecord(Level.WARNING, "the saved window layout was not read (" + e.getCause() + "); the window opens with its default layout"));
            return Optional.empty();
        }
    }
}
