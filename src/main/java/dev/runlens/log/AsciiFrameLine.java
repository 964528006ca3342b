package dev.runlens.log;

import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;

import java.time.Instant;

/**
 * A session line's frame decoded straight from the line's bytes, when the line is a frame line as
 * {@link SessionLogWriter} writes it and its frame is all ASCII (the usual case): no String of the
 * frame and no tree. A replay reads every entry twice at maximum speed (indexing, then playing),
 * and the String of each frame plus the decoder's bytes of that String were a third of what it
 * allocated. Any other line is refused, and the caller takes {@link SessionLineParser#parse}. One
 * per reading thread.
 */
public final class AsciiFrameLine {
    private final FrameLineBytes line = new FrameLineBytes();
    private Instant receivedAt;

    /** Decodes the frame of the line {@code b[0..n)} with {@code decoder}; null when the line is refused. */
    public ProtocolEvent decode(byte[] b, int n, FrameDecoder decoder) {
        if (!line.read(b, n) || !line.ascii()) {
            return null;
        }
        receivedAt = SessionLineParser.receivedAt(b, line);
        return decoder.decode(line.bytes(), 0, line.length());
    }

    /** The receive time of the line last decoded, or null when it had none. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The length of the frame last decoded, in chars (ASCII: one a byte). */
    public int chars() {
        return line.length();
    }
}
