package dev.runlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

/**
 * The window benchmarks' baseline run (the same window fed 200 events/s), which doubles a run's
 * time: {@code -Drunlens.bench.baseline=false} skips it when only the load run is compared (A/B
 * pairs, profiles), and the report's baseline figures then read 0.
 */
final class Baseline {
    private Baseline() {
    }

    static boolean wanted() {
        return !"false".equals(System.getProperty("runlens.bench.baseline"));
    }

    /** The stats of a baseline that did not run: no figures. */
    static JsonNode skipped() {
        return Json.object();
    }
}
