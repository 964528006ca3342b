package dev.runlens.ui.runs;

import dev.runlens.connect.ConnectionState;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Elapsed times on our clock; a server clock off by more than a few seconds is named. */
class ServerClockTest {

    @ParameterizedTest
    @CsvSource({
        "0, ",
        "5000, ",
        "-5000, ",
        "5001, server clock +5 s",
        "-40000, server clock \u221240 s",
        "180000, server clock +3 min",
        "-2400000, server clock \u221240 min",
        "32738400000, server clock +379 d",
        "-32738400000, server clock \u2212379 d",
        "10800000, server clock +3 h",
    })
    void theNoteRoundsTheDifferenceAndSaysWhichWay(long millis, String expected) {
        assertEquals(expected, ServerClock.note(Duration.ofMillis(millis)));
    }

    @Test
    void noOffsetKnownSaysNothing() {
        assertNull(ServerClock.note(null));
    }

    private static final Instant OURS = Instant.parse("2026-12-06T14:00:00Z");

    private static RunRow live(Instant serverStart, Duration offset, boolean terminal, Instant serverEnd, Instant endReceived) {
        return new RunRow(new RunRef(Source.SPACE_OPERATOR, "run-1"), terminal ? RunStatus.SUCCEEDED : RunStatus.RUNNING, terminal,
                serverStart, serverEnd, serverEnd == null ? serverStart : serverEnd, 0, 1, 0, true, ConnectionState.LIVE,
                OURS.plusSeconds(20), OURS, endReceived, offset, null);
    }

    @Test
    void aLiveRunOfAServerWhoseClockIsAYearBehindIsSecondsOldNotThousandsOfHours() {
        Duration behind = Duration.ofDays(-379);
        // Started on the server's clock a year ago, received just now.
        RunRow row = live(OURS.plus(behind), behind, false, null, null);
        assertEquals(Duration.ofSeconds(30), row.elapsed(OURS.plusSeconds(30)));
        assertTrue(row.detail(OURS.plusSeconds(30)).contains("30.0 s"), row.detail(OURS.plusSeconds(30)));
        assertTrue(row.detail(OURS.plusSeconds(30)).contains("server clock \u2212379 d"));
        assertTrue(row.detail(OURS.plusSeconds(30)).contains("last event 10 s ago"));
        assertFalse(row.stale(OURS.plusSeconds(30)));
    }

    @Test
    void anEndedRunTakesItsDurationFromTheServersOwnTwoTimes() {
        Duration ahead = Duration.ofMinutes(3);
        Instant start = OURS.plus(ahead);
        RunRow row = live(start, ahead, true, start.plusMillis(2500), OURS.plusSeconds(30));
        assertEquals(Duration.ofMillis(2500), row.elapsed(OURS.plusSeconds(3600)));
    }

    @Test
    void aRunWithoutAStartTimeCountsFromItsFirstFrame() {
        RunRow row = live(null, null, false, null, null);
        assertEquals(Duration.ofSeconds(7), row.elapsed(OURS.plusSeconds(7)));
        assertNull(row.clockNote());
    }
}
