package dev.runlens.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ExecutionIndexTest {

    @Test
    void findsEveryExecutionWhateverItsTimesAndSoDoesACopy() {
        ExecutionIndex index = new ExecutionIndex();
        Map<String, Execution> expected = new HashMap<>();
        List<Execution> all = new ArrayList<>();
        int[] odd = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1_000_000, 70, 69, 5_000};
        for (int i = 0; i < 3_000; i++) {
            String node = "node-" + (i % 3);
            int times = i < odd.length ? odd[i] : i / 3;
            if (expected.containsKey(node + "#" + times)) {
                continue;
            }
            Execution e = new Execution(new String(node), times, all.size());
            index.put(e);
            all.add(e);
            expected.put(node + "#" + times, e);
        }
        expected.forEach((k, e) -> assertSame(e, index.get(new String(e.node()), e.times()), k));
        assertNull(index.get("node-0", 999_999));
        assertNull(index.get("node-9", 0));
        assertNull(index.get("node-1", -2));
        List<Execution> copies = all.stream().map(Execution::copy).toList();
        ExecutionIndex copy = index.copyFor(copies);
        for (Execution c : copies) {
            assertSame(c, copy.get(c.node(), c.times()));
        }
        // Put all at once, nodes by number (a snapshot image restored): the same answers.
        String[] names = {"node-0", "node-1", "node-2"};
        int[] numbers = all.stream().mapToInt(e -> Integer.parseInt(e.node().substring(5))).toArray();
        List<Execution> again = all.stream().map(Execution::copy).toList();
        ExecutionIndex bulk = new ExecutionIndex();
        bulk.putAll(again, names, numbers);
        for (Execution e : again) {
            assertSame(e, bulk.get(new String(e.node()), e.times()));
        }
        assertNull(bulk.get("node-0", 999_999));
        assertNull(bulk.get("node-1", -2));
        // The copy is independent: what is added to one is not in the other.
        Execution later = new Execution("node-0", 1_000, copies.size());
        copy.put(later);
        Execution sparse = new Execution("node-1", 9_000_000, copies.size() + 1);
        copy.put(sparse);
        assertSame(later, copy.get("node-0", 1_000));
        assertSame(sparse, copy.get("node-1", 9_000_000));
        assertNull(index.get("node-0", 1_000));
        assertNull(index.get("node-1", 9_000_000));
    }
}
