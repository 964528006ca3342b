package dev.runlens.replay;

import dev.runlens.Fixtures;
import dev.runlens.model.Execution;
import dev.runlens.model.RunModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A replay seek restores Lyzr's execution_time as the live pipeline applied it (the entry is re-read). */
class ExecutionTimeReplayTest {
    @Test
    void seekingKeepsTheServersExecutionTime() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(Fixtures.log("lyzr-docs-sample")).awaitDone()) {
            ReplayEngine engine = new ReplayEngine(index);
            RunModel end = engine.seek(index.size());
            Execution first = end.runs().get(0).executions().get(0);
            assertEquals(Duration.ofMillis(5330), first.duration());
            RunModel again = ReplayEngine.stateAt(index, index.size());
            assertEquals(Duration.ofMillis(5330), again.runs().get(0).executions().get(0).duration());
        }
    }
}
