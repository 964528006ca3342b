package dev.runlens.connect;

import dev.runlens.protocol.ProtocolEvent;

/** The protocol spoken on one socket. Called with the service's lock held, one frame at a time (decoded outside it). */
interface Conversation {
    /** The socket is open: authenticate, subscribe, or just listen. */
    void opened();

    /** True for a replayed event already kept before a reconnect (received {@code at}): it is neither recorded nor shown. */
    boolean isReplayDuplicate(long streamKey, java.time.Instant at);

    /** A frame received {@code at}, after it was recorded and decoded. */
    void handle(long streamKey, ProtocolEvent event, java.time.Instant at);

    /** Keep proxies from closing an idle socket. */
    void heartbeat();

    /** Once a second or so, on the connection's timer (Space Operator asks about quiet runs). */
    default void tick(java.time.Instant now) {
    }

    /** Watch one more run on this socket (Space Operator only). */
    default void subscribe(RunTrack track) {
    }
}
