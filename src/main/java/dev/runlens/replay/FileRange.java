package dev.runlens.replay;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads of a byte range: thread-safe on a shared channel. */
final class FileRange {
    private FileRange() {
    }

    static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            int n = channel.read(b, offset + b.position());
            if (n < 0) {
                throw new EOFException("the file ends before byte " + (offset + length) + " (was it truncated?)");
            }
        }
        return b.array();
    }
}
