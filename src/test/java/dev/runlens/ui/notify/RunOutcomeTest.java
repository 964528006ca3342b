package dev.runlens.ui.notify;

import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Short run names for one line of the status bar and a notification's body. */
class RunOutcomeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SPACE_OPERATOR | 6513270e-269e-4d37-b2a7-4de452e6b438 | run 6513270e…",
        "SPACE_OPERATOR | short-id | run short-id",
        "LYZR | Financial Data Pipeline/run-2c167999-289d-45fa | Financial Data Pipeline · run-2c16…",
        "LYZR | Support/run-7 | Support · run-7",
    })
    void namesAreShortButTellRunsApart(Source source, String id, String expected) {
        assertEquals(expected, RunOutcome.shortName(new RunRef(source, id)));
    }
}
