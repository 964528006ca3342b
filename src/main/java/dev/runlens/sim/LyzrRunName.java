package dev.runlens.sim;

/** A Lyzr run as its socket path names it: {@code /ws/{flow}/{run}}. */
public record LyzrRunName(String flow, String run) {
}
