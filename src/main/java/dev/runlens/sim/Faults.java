package dev.runlens.sim;

import java.time.Duration;

/** Fault switches of a running simulator; tests may change them between recordings. */
public final class Faults {
    private volatile int dropEveryFrames;
    private final int malformedEveryFrames;
    private final Duration responseDelay;
    private volatile boolean holdWhileUnwatched;
    private volatile int fragmentOver;
    private volatile int dropCloseCode = 1001;
    private volatile boolean endWithoutFinish;
    private volatile Duration taskStatusDelay = Duration.ZERO;
    private final DropStorm dropStorm = new DropStorm();
    private final OtherInstance otherInstance = new OtherInstance();

    Faults(SimulatorOptions options) {
        this.dropEveryFrames = options.dropEveryFrames();
        this.malformedEveryFrames = options.malformedEveryFrames();
        this.responseDelay = options.responseDelay();
    }

    /** Close each connection after every {@code n} live event frames; 0 turns it off. */
    public void dropEveryFrames(int n) {
        dropEveryFrames = Math.max(0, n);
    }

    public int dropEveryFrames() {
        return dropEveryFrames;
    }

    /** A malformed frame after every this many frames (0: never), as the options set it. */
    public int malformedEveryFrames() {
        return malformedEveryFrames;
    }

    /**
     * Runs advance only while someone is subscribed (Lyzr: connected) and, for Space Operator,
     * every subscriber has been sent the history. With drops this makes the number of drops per
     * run deterministic, whatever the machine's speed and however long the replay.
     */
    public void holdRunsWhileUnwatched(boolean hold) {
        holdWhileUnwatched = hold;
    }

    public boolean holdRunsWhileUnwatched() {
        return holdWhileUnwatched;
    }

    /** Send text longer than {@code chars} as continuation frames of that size, as proxies do; 0 = whole. */
    public void fragmentFramesOver(int chars) {
        fragmentOver = Math.max(0, chars);
    }

    public int fragmentFramesOver() {
        return fragmentOver;
    }

    /** The close code a drop sends: 1001 (going away) by default; 1007, 1008, 1011... to test reactions. */
    public void dropCloseCode(int code) {
        dropCloseCode = code;
    }

    public int dropCloseCode() {
        return dropCloseCode;
    }

    /** Connections that close after a few frames of any kind (see {@link DropStorm}). */
    public DropStorm dropStorm() {
        return dropStorm;
    }

    /** Subscriptions answered {@code not found} by another server instance (see {@link OtherInstance}). */
    public OtherInstance otherInstance() {
        return otherInstance;
    }

    /**
     * Space Operator runs stop streaming where FlowFinish would come (the server does so when a
     * run fails before its graph is built); the run is over and {@code /flow/output} has its output.
     * v1 subscribers still get {@code Done}.
     */
    public void endRunsWithoutFinish(boolean silent) {
        endWithoutFinish = silent;
    }

    public boolean endRunsWithoutFinish() {
        return endWithoutFinish;
    }

    /** Lyzr's task-status answers are computed at once and sent this much later (a slow network back). */
    public void taskStatusDelay(Duration d) {
        taskStatusDelay = d == null ? Duration.ZERO : d;
    }

    public Duration taskStatusDelay() {
        return taskStatusDelay;
    }

    public Duration responseDelay() {
        return responseDelay;
    }
}
