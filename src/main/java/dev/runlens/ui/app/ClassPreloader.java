package dev.runlens.ui.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads the classes the window needs, in the order it first needs them, on a background thread
 * while the FX thread starts the toolkit and builds the window. Start-up and the first pulses are
 * mostly class loading (several thousand classes, one at a time on the FX thread); with this the
 * second core does much of it ahead of time. Classes are loaded, not initialised: initialisers
 * stay on the thread that first uses a class, as they would without this. The list
 * ({@value #LIST}, decision 0015) is what a demo session loads from the jar; a stale or missing
 * entry costs nothing but its own lookup.
 */
final class ClassPreloader {
    static final String LIST = "preload.classes";

    private ClassPreloader() {
    }

    /** Starts loading in the background; returns at once. {@code -Drunlens.preload=false} turns it off (to measure it). */
    static void start() {
        if ("false".equals(System.getProperty("runlens.preload"))) {
            return;
        }
        Thread t = new Thread(ClassPreloader::loadAll, "runlens-preload");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Loads every listed class it can find; returns how many were loaded. */
    static int loadAll() {
        ClassLoader loader = ClassPreloader.class.getClassLoader();
        int loaded = 0;
        try {
            // The one mapper is made while the window is built (recent files and connections):
            // made here first, the FX thread finds it ready. Its initialiser touches nothing of FX.
            Class.forName("dev.runlens.json.Json", true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // Then the FX thread makes it, as it would without this.
        }
        try (InputStream in = ClassPreloader.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return 0;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String name;
            while ((name = r.readLine()) != null) {
                name = name.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError skipped) {
                    // Not in this build (a renamed class, another platform's toolkit): nothing to warm.
                }
            }
        } catch (IOException e) {
            // Only a warm-up: the window loads what it needs by itself.
        }
        return loaded;
    }
}
