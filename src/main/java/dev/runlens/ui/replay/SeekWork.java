package dev.runlens.ui.replay;

/**
 * What the last seek that restored a state cost: the replay worker building it, and the FX thread
 * restoring it (model, rows, views), in wall and CPU milliseconds. CPU time, unlike wall time, does
 * not grow while other processes hold the cores, so it is the figure to compare on a busy machine.
 * The {@code System.nanoTime()} stamps place the waits between them: the worker's start, and the
 * FX thread's start and end of the restore.
 */
public record SeekWork(double workerMs, double workerCpuMs, double fxMs, double fxCpuMs,
                       long workerStartNanos, long restoreStartNanos, long restoreEndNanos) {
    /** Worker start to the FX thread's start of the restore, less the worker's building: the hand-off. */
    public double handOffMs() {
        return (restoreStartNanos - workerStartNanos) / 1e6 - workerMs;
    }
}
