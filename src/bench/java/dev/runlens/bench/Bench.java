package dev.runlens.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Locale;
import java.util.Set;

/**
 * One entry point for every benchmark: {@code ./mvnw -B -Pbench -DskipTests verify -Dbench=NAME}.
 * Each prints its own figures and its baseline's, measured in the same run.
 */
public final class Bench {
    private static final Set<String> WINDOWS = Set.of("ui", "runs", "startup", "uiindex", "replay", "seek");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "decode" : args[0].toLowerCase(Locale.ROOT);
        for (String name : which.equals("all") ? new String[]{"decode", "largelog", "ingest", "ui", "startup"} : new String[]{which}) {
            System.out.println("=== benchmark: " + name + " (" + Machine.describe() + ")");
            if (WINDOWS.contains(name)) {
                System.out.println("window: " + BenchWindow.platform());
            }
            switch (name) {
                case "decode" -> new Runner(new OptionsBuilder()
                        .include(DecodeApplyBenchmark.class.getSimpleName())
                        .forks(1).threads(1)
                        .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                        .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                        .build()).run();
                case "largelog" -> LargeLogBench.run();
                case "ingest" -> LiveIngestBench.run();
                case "ui" -> UiLoadBench.run();
                case "runs" -> RunsLoadBench.run();
                case "startup" -> StartupBench.run();
                case "history" -> HistoryIndexBench.run();
                case "uiindex" -> UiIndexingBench.run();
                case "replay" -> ReplayBench.run();
                case "seek" -> SeekBench.run();
                default -> throw new IllegalArgumentException("unknown benchmark " + name
                        + " (decode, largelog, ingest, ui, runs, startup, history, uiindex, replay, seek, all)");
            }
        }
    }
}
