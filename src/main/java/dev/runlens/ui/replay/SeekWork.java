package dev.runlens.ui.replay;

/**
 * What the last seek that restored a state cost: the replay worker building it, and the FX thread
 * restoring it (model, rows, views), in wall and CPU milliseconds. CPU time, unlike wall time, does
 * not grow while other processes hold the cores, so it is the figure to compare on a busy machine.
 */
public record SeekWork(double workerMs, double workerCpuMs, double fxMs, double fxCpuMs) {
}
