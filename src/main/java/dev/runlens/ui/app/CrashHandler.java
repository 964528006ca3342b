package dev.runlens.ui.app;

import dev.runlens.ui.bridge.FrameBridge;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens to an exception nobody caught, on the FX thread or any other: its stack trace goes
 * to the log file ({@link AppLog}) and one line to the error panel, through the bridge like any
 * other problem, so the operator sees it without a terminal. The window keeps running.
 */
final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private static final CrashHandler INSTANCE = new CrashHandler();
    /** The open window's bridge; null before it is built and after it closed. */
    private volatile FrameBridge panel;

    private CrashHandler() {
    }

    /** Becomes the handler of every thread without its own, and of the calling thread (call on the FX thread). */
    static CrashHandler install() {
        Thread.setDefaultUncaughtExceptionHandler(INSTANCE);
        Thread.currentThread().setUncaughtExceptionHandler(INSTANCE);
        return INSTANCE;
    }

    /** Where the next problems are shown; null to show them nowhere but the log. */
    void showIn(FrameBridge bridge) {
        panel = bridge;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        try {
            // The logger is looked up here, not held: starting java.util.logging is not for the window's start-up.
            Logger.getLogger("dev.runlens.ui").log(Level.SEVERE, "uncaught exception on thread " + thread.getName(), e);
            FrameBridge bridge = panel;
            if (bridge != null) {
                bridge.fault(message(thread, e, AppLog.file()));
            }
        } catch (Throwable whileHandling) {
            // The last resort must not throw: it would end the thread it was meant to keep.
            e.printStackTrace();
        }
    }

    /** One line for the error panel: what, where, and where the details are. */
    static String message(Thread thread, Throwable e, Path log) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
        return what + (at == null ? "" : " at " + at.getClassName() + "." + at.getMethodName() + ":" + at.getLineNumber())
                + " (thread " + thread.getName() + ")" + (log == null ? "" : "; stack trace in " + log);
    }
}
