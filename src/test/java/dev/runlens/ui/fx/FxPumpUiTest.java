package dev.runlens.ui.fx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Work handed to the next pulse waits for it, and never waits for a pulse that is not coming. */
@ExtendWith(ApplicationExtension.class)
class FxPumpUiTest {

    @Test
    void workForTheNextPulseWaitsForItAndRunsAtOnceWhenNoPulseIsComing() throws Exception {
        List<String> done = WaitForAsyncUtils.asyncFx(() -> {
            // All on the FX thread in one go, so no real pulse runs in between the calls below.
            FxPump pump = new FxPump(new FrameBridge(new FrameStore()), new DashboardModel());
            List<String> d = new ArrayList<>();
            pump.nextPulse(() -> d.add("stopped"));
            assertEquals(List.of("stopped"), d);
            pump.start();
            pump.nextPulse(() -> {
                d.add("first");
                pump.nextPulse(() -> d.add("second"));
            });
            assertEquals(List.of("stopped"), d);
            pump.handle(1_000_000_000L);
            assertEquals(List.of("stopped", "first"), d, "scheduled during a pulse: waits for the next one");
            pump.handle(1_016_000_000L);
            assertEquals(List.of("stopped", "first", "second"), d);
            pump.nextPulse(() -> d.add("pending"));
            pump.stop();
            return d;
        }).get();
        assertEquals(List.of("stopped", "first", "second", "pending"), done, "stopping runs what waited");
    }
}
