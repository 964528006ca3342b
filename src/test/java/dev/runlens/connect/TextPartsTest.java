package dev.runlens.connect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextPartsTest {
    private final List<String> messages = new ArrayList<>();
    private final AtomicInteger tooBig = new AtomicInteger();
    private final TextParts parts = new TextParts(10, messages::add, tooBig::incrementAndGet);

    @Test
    void aMessageInOnePieceAndOneInFragmentsArriveWhole() {
        parts.onMessage("{\"a\":1}", true);
        parts.onMessage("{\"b\":", false);
        parts.onMessage("", false);
        parts.onMessage("22}", true);
        assertEquals(List.of("{\"a\":1}", "{\"b\":22}"), messages);
        assertEquals(0, tooBig.get());
    }

    @Test
    void fragmentsUpToTheLimitPassAndOneCharMoreEndsTheMessage() {
        parts.onMessage("12345", false);
        parts.onMessage("67890", true);
        assertEquals(List.of("1234567890"), messages);

        parts.onMessage("12345", false);
        parts.onMessage("678901", false);
        parts.onMessage("more", false);
        parts.onMessage("end", true);
        assertEquals(List.of("1234567890"), messages, "nothing of the message over the limit is passed on");
        assertEquals(1, tooBig.get(), "reported once");

        parts.onMessage("next", true);
        assertEquals(List.of("1234567890", "next"), messages, "the next message is whole again");
    }

    @Test
    void aFirstFragmentOverTheLimitIsReportedToo() {
        parts.onMessage("12345678901", false);
        parts.onMessage("x", true);
        assertEquals(List.of(), messages);
        assertEquals(1, tooBig.get());
    }
}
