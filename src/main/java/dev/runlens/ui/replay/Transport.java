package dev.runlens.ui.replay;

import dev.runlens.replay.ReplayClock;

/** One opened file and its playhead (FX side). */
public final class Transport {
    final ReplaySession session;
    final ReplayClock clock;
    int position;
    boolean playing;
    int anchor;
    long anchorNanos;

    Transport(ReplaySession session) {
        this.session = session;
        this.clock = new ReplayClock(session.index());
    }

    public ReplaySession session() {
        return session;
    }

    public int position() {
        return position;
    }
}
