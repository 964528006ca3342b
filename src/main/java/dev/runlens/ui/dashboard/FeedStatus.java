package dev.runlens.ui.dashboard;

import dev.runlens.connect.ConnectionState;

import java.time.Instant;

/** The latest known state of a feed, and when it last delivered a frame. */
public record FeedStatus(Feed feed, ConnectionState state, String message, Instant lastFrameAt) {
}
