package dev.runlens.cli;

import java.io.IOException;
import java.util.List;

/** Runs this program again in a second JVM that takes over stdin, stdout, stderr and the exit status. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Starts {@code command} with this process's standard streams and waits for it; returns its exit
     * status, or -1 when it could not be started (the caller then runs the work itself).
     */
    public static int run(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        // Ended from outside (SIGTERM, SIGINT): end the child too, not leave it running alone.
        Thread stop = new Thread(child::destroy, "runlens-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int status = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                return status;
            } catch (InterruptedException e) {
                // Nothing here interrupts the main thread; keep waiting for the child.
            } catch (IllegalStateException e) {
                return child.exitValue();  // shutting down already
            }
        }
    }
}
