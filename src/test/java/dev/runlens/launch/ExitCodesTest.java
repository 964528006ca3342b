package dev.runlens.launch;

import dev.runlens.connect.ConnectionState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExitCodesTest {

    @Test
    void aConnectionsEndIsRecordsExitStatus() {
        assertEquals(0, ExitCodes.ofEnd(ConnectionState.FINISHED, true));
        assertEquals(4, ExitCodes.ofEnd(ConnectionState.FINISHED, false), "a run unknown or ended unseen");
        assertEquals(3, ExitCodes.ofEnd(ConnectionState.TOKEN_REFUSED, true));
        assertEquals(3, ExitCodes.ofEnd(ConnectionState.UNAUTHORIZED, true));
        assertEquals(4, ExitCodes.ofEnd(ConnectionState.NOT_FOUND, true));
        assertEquals(5, ExitCodes.ofEnd(ConnectionState.FAILED, true));
        assertEquals(5, ExitCodes.ofEnd(ConnectionState.CLOSED, true), "interrupted before the end");
        assertEquals(5, ExitCodes.ofEnd(null, true), "never reached an end");
    }

    @Test
    void onlyProblemsCountForTheWindowsFeeds() {
        assertEquals(0, ExitCodes.ofProblem(ConnectionState.LIVE));
        assertEquals(0, ExitCodes.ofProblem(ConnectionState.FINISHED));
        assertEquals(0, ExitCodes.ofProblem(ConnectionState.CLOSED));
        assertEquals(3, ExitCodes.ofProblem(ConnectionState.TOKEN_REFUSED));
        assertEquals(4, ExitCodes.ofProblem(ConnectionState.NOT_FOUND));
        assertEquals(5, ExitCodes.ofProblem(ConnectionState.FAILED));
    }
}
