package dev.runlens.ui.rows;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextArenaTest {

    @Test
    void textsComeBackExactlyAcrossManyChunks() {
        TextArena arena = new TextArena();
        List<String> texts = new ArrayList<>();
        List<Long> handles = new ArrayList<>();
        // About 6 MB: the first chunks are small, later ones 1 MB; texts never straddle two.
        for (int i = 0; i < 40_000; i++) {
            String t = "{\"event\":\"NodeStart\",\"i\":" + i + ",\"name\":\"n\u00e9\u4e2d\ud83d\ude00\"," + "x".repeat(i % 200) + "}";
            texts.add(t);
            handles.add(arena.put(t.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i), arena.get(handles.get(i)), "text " + i);
        }
    }

    @Test
    void aTextOfAMegabyteOrMoreIsNotPacked() {
        TextArena arena = new TextArena();
        assertEquals(TextArena.NONE, arena.put(new byte[1 << 20]));
        long small = arena.put("after".getBytes(StandardCharsets.UTF_8));
        assertEquals("after", arena.get(small));
        byte[] justUnder = new byte[(1 << 20) - 1];
        java.util.Arrays.fill(justUnder, (byte) 'a');
        assertEquals(new String(justUnder, StandardCharsets.US_ASCII), arena.get(arena.put(justUnder)));
    }
}
