package dev.runlens.ui.dashboard;

/**
 * One source of frames: a live connection or an opened file. {@code live} feeds have a connection
 * state and can go stale; file feeds cannot.
 */
public record Feed(int id, String label, boolean live) {
    @Override
    public String toString() {
        return label;
    }
}
