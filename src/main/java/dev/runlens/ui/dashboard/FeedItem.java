package dev.runlens.ui.dashboard;

import dev.runlens.connect.ConnectionState;
import dev.runlens.model.Gap;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.rows.FrameRef;

import java.time.Instant;

/** What producers hand to the FX thread through the bridge ({@code FrameBridge}). */
public sealed interface FeedItem {

    Feed feed();

    /** A decoded frame; its text is in {@code ref}, its event log line is pre-computed off the FX thread. */
    record FrameItem(Feed feed, long sequence, Instant receivedAt, ProtocolEvent event, FrameRef ref,
                     String summary) implements FeedItem {
    }

    record StateItem(Feed feed, Instant at, ConnectionState state, String message) implements FeedItem {
    }

    record GapItem(Feed feed, RunRef run, Gap gap) implements FeedItem {
    }

    /** A Lyzr task-status answer: the fields of a {@code reconciled} meta line (see {@code SessionMeta.reconcile}). */
    record ReconciledItem(Feed feed, Instant at, RunRef run, com.fasterxml.jackson.databind.JsonNode fields) implements FeedItem {
    }

    /** Something unreadable that is not a frame (a corrupt log line, an unreadable file). */
    record ProblemItem(Feed feed, Instant at, String message) implements FeedItem {
    }

    /** A fault of Runlens itself (an uncaught exception on any thread); it belongs to no feed, so {@code feed} is null. */
    record FaultItem(Feed feed, Instant at, String message) implements FeedItem {
    }
}
