package dev.runlens.protocol;

import java.time.Instant;

/**
 * One frame as it reached Runlens, from a socket or a log: the receive time (ours, not the
 * server's), the exact text, and what the decoder made of it. {@code sequence} counts frames of
 * its source from 0; {@code offset} locates the frame's line in a log file, or -1.
 */
public record ReceivedFrame(long sequence, Instant receivedAt, String text, ProtocolEvent event, long offset) {
}
