package dev.runlens.connect;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When a quiet run is asked about: after the quiet period, and three times as long while its last
 * event is a SignatureRequest (a person may take long to sign). The timing rule alone; the
 * asking itself runs against the simulator in {@link StreamEndTest}.
 */
class QuietRunsTest {
    private static final Duration QUIET = Duration.ofMinutes(5);
    private final List<String> asked = new ArrayList<>();

    private QuietRuns quietRuns() {
        ConnectionRequest request = ConnectionRequest.builder(URI.create("ws://127.0.0.1:1/ws")).run("r").quietPeriod(QUIET).build();
        // Only request() and fetchFinalOutput() are used by the rule under test.
        ConversationHost host = (ConversationHost) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConversationHost.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "request" -> request;
                    case "fetchFinalOutput" -> {
                        asked.add((String) args[0]);
                        yield null;
                    }
                    default -> throw new AssertionError("unexpected call " + method.getName());
                });
        return new QuietRuns(host);
    }

    private static RunTrack track(String id, Instant lastEvent, boolean signaturePending) {
        RunTrack t = new RunTrack(id);
        t.lastEventAt = lastEvent;
        t.signaturePending = signaturePending;
        return t;
    }

    @Test
    void aRunIsAskedAboutAfterTheQuietPeriodAndAPendingSignatureWaitsThreeTimesAsLong() {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        QuietRuns rule = quietRuns();
        List<RunTrack> runs = List.of(
                track("recent", now.minus(QUIET).plusSeconds(1), false),
                track("quiet", now.minus(QUIET), false),
                track("signing", now.minus(QUIET.multipliedBy(2)), true),
                track("signed-long-ago", now.minus(QUIET.multipliedBy(3)), true),
                track("never-heard", null, false));
        rule.check(runs, now, t -> { });
        assertEquals(List.of("quiet", "signed-long-ago"), asked);

        asked.clear();
        rule.check(runs, now.plusSeconds(3600), t -> { });
        assertEquals(List.of("recent", "signing"), asked, "a check in flight is not asked again; the others now are");
    }
}
