package dev.runlens.bench;

import dev.runlens.history.BadQueryException;
import dev.runlens.history.HistoryIndex;
import dev.runlens.history.HistoryIndexer;
import dev.runlens.history.HistorySearch;
import dev.runlens.history.Recordings;
import dev.runlens.replay.LogGenerator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The history index at scale (issue 18): generates {@code runlens.bench.recordings} session logs of
 * {@code runlens.bench.events} events each (default 10,000 × 1,000 = 10 million events; the corpus
 * is generated here, never committed), indexes them from scratch on this thread, then times a mix
 * of searches. Targets: indexing ≥ 100,000 events/s on one core (the indexing thread's CPU time),
 * a search ≤ 200 ms at p95. {@code -Drunlens.bench.dir=DIR} keeps the corpus between runs.
 */
final class HistoryIndexBench {
    private static final List<String> QUERIES = List.of(
            "insufficient funds", "status:failed", "\"required output signature\"", "transfer_sol status:failed",
            "step 7 duration>100ms", "protocol:space-operator after:2026-11-22 finished", "nodes failed",
            "cmds_solana transfer", "duration<5ms", "late status:succeeded");

    private HistoryIndexBench() {
    }

    static void run() throws IOException, BadQueryException {
        int recordings = Integer.getInteger("runlens.bench.recordings", 10_000);
        int events = Integer.getInteger("runlens.bench.events", 1_000);
        String keep = System.getProperty("runlens.bench.dir");
        Path dir = keep != null ? Path.of(keep) : Files.createTempDirectory("runlens-history-bench");
        Path corpus = Files.createDirectories(dir.resolve("sessions"));
        Path indexDir = dir.resolve("index");
        long g0 = System.nanoTime();
        for (int i = 0; i < recordings; i++) {
            Path f = corpus.resolve(String.format("session-%05d.jsonl", i));
            if (!Files.exists(f)) {
                LogGenerator.write(f, events, i + 1);
            }
        }
        System.out.printf("corpus: %,d recordings × %,d events in %s (%.1f s to generate or find)%n",
                recordings, events, corpus, (System.nanoTime() - g0) / 1e9);
        wipe(indexDir);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (HistoryIndex index = HistoryIndex.open(indexDir)) {
            HistoryIndexer indexer = new HistoryIndexer(index);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long proc0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            indexer.indexAll(Recordings.in(corpus), () -> true);
            long wall = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long proc = os.getProcessCpuTime() - proc0;
            long n = indexer.events();
            System.out.printf("indexing: %,d events in %.1f s wall: %,.0f events/s wall, %,.0f events/s per CPU-second of the "
                    + "indexing thread, %,.0f per CPU-second of the whole process (merges included)%n",
                    n, wall / 1e9, n / (wall / 1e9), n / (cpu / 1e9), n / (proc / 1e9));
            System.out.printf("index size: %,d MB%n", size(indexDir) / (1 << 20));
            HistorySearch search = new HistorySearch(index);
            for (String q : QUERIES) {
                search.search(q, 50, HistorySearch.Order.NEWEST);
            }
            List<Long> micros = new ArrayList<>();
            int rounds = Integer.getInteger("runlens.bench.rounds", 20);
            for (int r = 0; r < rounds; r++) {
                for (String q : QUERIES) {
                    long s0 = System.nanoTime();
                    search.search(q, 50, HistorySearch.Order.NEWEST);
                    micros.add((System.nanoTime() - s0) / 1000);
                }
            }
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("search (%d queries, 50 hits with snippets): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    sorted.length, sorted[sorted.length / 2] / 1000.0, sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1000.0,
                    sorted[sorted.length - 1] / 1000.0);
            for (String q : QUERIES) {
                System.out.printf("  %-50s %,d hits shown%n", q, search.search(q, 50, HistorySearch.Order.NEWEST).size());
            }
        }
        System.out.println("targets: ≥ 100,000 events/s on one core; search p95 ≤ 200 ms. Load now: " + Machine.load());
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
