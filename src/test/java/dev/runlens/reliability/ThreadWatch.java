package dev.runlens.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which threads a piece of work left behind: compares live threads before and after. */
final class ThreadWatch {
    private final Set<Long> before;

    ThreadWatch() {
        this.before = live().stream().map(Thread::getId).collect(Collectors.toSet());
    }

    int before() {
        return before.size();
    }

    static int liveCount() {
        return (int) live().stream().filter(Thread::isAlive).count();
    }

    private static List<Thread> live() {
        return new ArrayList<>(Thread.getAllStackTraces().keySet());
    }

    /** Threads started since construction that are still alive after waiting up to {@code millis}. */
    List<String> leftBehind(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        List<String> extra;
        do {
            extra = live().stream()
                    .filter(t -> t.isAlive() && !before.contains(t.getId()))
                    .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool"))
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                    .sorted().toList();
            if (extra.isEmpty()) {
                return extra;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        return extra;
    }
}
