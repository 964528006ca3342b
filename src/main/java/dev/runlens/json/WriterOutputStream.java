package dev.runlens.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes handed on to a {@link Writer} as they come, in small chunks: lets a byte writer
 * (Jackson's UTF-8 generator) stream tens of MB to a character sink (the command line's
 * {@code PrintWriter}) without first holding the whole output as bytes and again as a String.
 * {@link #close} ends the input and flushes the writer; it does not close it.
 */
public final class WriterOutputStream extends OutputStream {
    private final Writer out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private boolean closed;

    public WriterOutputStream(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        while (len > 0) {
            int n = Math.min(len, bytes.remaining());
            bytes.put(b, off, n);
            off += n;
            len -= n;
            decode(false);
        }
    }

    /** Decodes what is buffered; a sequence cut at the end of the buffer waits for its rest. */
    private void decode(boolean end) throws IOException {
        bytes.flip();
        CoderResult r;
        do {
            r = decoder.decode(bytes, chars, end);
            drainChars();
        } while (r.isOverflow());
        bytes.compact();
    }

    private void drainChars() throws IOException {
        chars.flip();
        out.write(chars.array(), 0, chars.limit());
        chars.clear();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        decode(true);
        decoder.flush(chars);
        drainChars();
        closed = true;
        out.flush();
    }
}
