package dev.runlens.summary;

import dev.runlens.Fixtures;
import dev.runlens.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixtureSummaryTest {

    static List<String> fixtures() {
        return Fixtures.NAMES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureGivesExactlyItsSummary(String name) throws Exception {
        SummaryBuilder b = new SummaryBuilder();
        b.add(Fixtures.log(name));
        assertEquals(Fixtures.expectedSummary(name), Json.pretty(b.toJson()) + "\n");
    }

    @Test
    void severalFilesGoIntoOneSummary() throws Exception {
        SummaryBuilder b = new SummaryBuilder();
        for (String name : Fixtures.NAMES) {
            b.add(Fixtures.log(name));
        }
        assertEquals(4, b.model().runs().size());
        assertEquals(30, b.stats().total());
        assertEquals(0, b.stats().malformed());
    }

    @Test
    void tableShowsEachRunItsStatusAndErrors() throws Exception {
        SummaryBuilder b = new SummaryBuilder();
        b.add(Fixtures.log("space-operator-v2-failed-run"));
        String table = SummaryTable.render(b.model(), b.stats(), b.problems());
        assertTrue(table.contains("6513270e-269e-4d37-b2a7-4de452e6b438  FAILED"), table);
        assertTrue(table.contains("insufficient funds: need 3.25 SOL"), table);
        assertTrue(table.contains("not run: 36f675cc-81e7-4ef5-a8e2-5d940ed90475"), table);
        assertTrue(table.contains("frames: 10 read, 0 malformed"), table);
    }
}
