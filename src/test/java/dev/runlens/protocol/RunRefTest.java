package dev.runlens.protocol;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RunRef's equals and hashCode are written out (decision 0020): they must stay a record's. */
class RunRefTest {
    @Test
    void equalByValueAsARecordIs() {
        RunRef a = new RunRef(Source.SPACE_OPERATOR, "run-1");
        RunRef same = new RunRef(Source.SPACE_OPERATOR, new String("run-1"));
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertEquals(31 * Source.SPACE_OPERATOR.hashCode() + "run-1".hashCode(), a.hashCode());  // the record's formula
        assertNotEquals(a, new RunRef(Source.LYZR, "run-1"));
        assertNotEquals(a, new RunRef(Source.SPACE_OPERATOR, "run-2"));
        assertNotEquals(a, null);
        assertNotEquals(a, "run-1");
        Map<RunRef, String> map = new HashMap<>();
        map.put(a, "first");
        assertEquals("first", map.get(same));
        assertNull(map.get(new RunRef(Source.LYZR, "run-1")));
    }
}
