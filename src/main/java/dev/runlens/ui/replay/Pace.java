package dev.runlens.ui.replay;

import dev.runlens.replay.Playback;

import java.time.Duration;
import java.util.List;

/** How playback is paced: a speed factor on the recorded gaps, or as fast as allowed. */
public record Pace(double speed, boolean maximum) {
    public static final Pace MAX = new Pace(1, true);
    /** The choices of the transport bar. */
    public static final List<Pace> ALL = List.of(new Pace(0.25, false), new Pace(0.5, false), new Pace(1, false),
            new Pace(2, false), new Pace(4, false), new Pace(8, false), new Pace(16, false), MAX);

    Playback playback(Duration skipIdle) {
        Playback p = maximum ? Playback.max() : Playback.speed(speed);
        return skipIdle == null ? p : p.skippingIdleOver(skipIdle);
    }

    @Override
    public String toString() {
        if (maximum) {
            return "max";
        }
        return (speed == Math.rint(speed) ? String.valueOf((int) speed) : String.valueOf(speed)) + "×"
                + (speed == 1 ? " real time" : "");
    }
}
