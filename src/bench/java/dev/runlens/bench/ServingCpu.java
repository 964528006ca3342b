package dev.runlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU seconds this JVM spends outside the calling thread from its creation to {@link #seconds()}:
 * while a client runs, the simulator serving it (with this JVM's compiler and collector). On two
 * cores client and server share the machine, so the server's CPU bounds how fast any client can be.
 */
final class ServingCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long process = OS.getProcessCpuTime();
    private final long caller = THREADS.getCurrentThreadCpuTime();

    double seconds() {
        return ((OS.getProcessCpuTime() - process) - (THREADS.getCurrentThreadCpuTime() - caller)) / 1e9;
    }
}
