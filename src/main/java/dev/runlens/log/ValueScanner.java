package dev.runlens.log;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into top-level JSON values without parsing them: it tracks only
 * strings and bracket depth, so one broken or hostile frame (bad syntax, deep nesting) stays one
 * bad chunk and reading goes on. A value longer than {@link LineInput#MAX_LINE_BYTES} characters
 * (one without end, say) is scanned to its end but not kept. Used for pretty-printed sequences
 * and JSON arrays.
 */
final class ValueScanner {
    /** One value's text; {@code problem} is set when it could not be completed. */
    record Chunk(String text, String problem) {
    }

    private final Reader in;
    private final boolean insideArray;
    private final int limit;
    private int peeked = -2;
    private boolean ended;
    /** Characters of the current value, also those past {@link #limit} that were not kept. */
    private long length;

    /** @param insideArray true when the opening '[' was consumed and values are comma-separated */
    ValueScanner(Reader in, boolean insideArray) {
        this(in, insideArray, LineInput.MAX_LINE_BYTES);
    }

    /** With another bound on a value's length (in characters), for tests. */
    ValueScanner(Reader in, boolean insideArray, int limit) {
        this.in = in;
        this.insideArray = insideArray;
        this.limit = limit;
    }

    /**
     * Keeps {@code c} while the value is within the bound; past it (a frame without end, say) the
     * value is still scanned to its end, but only its first characters are kept, for a preview.
     */
    private void keep(StringBuilder sb, int c) {
        length++;
        if (length <= limit) {
            sb.append((char) c);
        }
    }

    /** The chunk of a value: refused with one sentence when it was longer than the bound. */
    private Chunk chunk(StringBuilder sb, String problem) {
        if (length > limit) {
            String bound = limit % (1 << 20) == 0 ? (limit >> 20) + " MiB" : limit + " characters";
            String preview = sb.substring(0, Math.min(200, sb.length()));
            return new Chunk(preview, "a frame of " + length + " characters is longer than " + bound
                    + (problem == null ? "" : " and " + problem) + ": skipped");
        }
        return new Chunk(sb.toString(), problem);
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        peeked = c;
    }

    /** The next value, or null at the end. */
    Chunk next() throws IOException {
        if (ended) {
            return null;
        }
        int c;
        do {
            c = read();
        } while (c != -1 && (Character.isWhitespace(c) || c == '\uFEFF' || (insideArray && c == ',')));
        if (c == -1) {
            ended = true;
            return insideArray ? new Chunk("", "the array is not closed (the file is truncated)") : null;
        }
        if (insideArray && c == ']') {
            ended = true;
            return null;
        }
        StringBuilder sb = new StringBuilder();
        length = 0;
        if (c == '{' || c == '[') {
            return container(sb, c);
        }
        if (c == '"') {
            keep(sb, '"');
            return readString(sb) ? chunk(sb, null) : chunk(sb, "the file ends inside a string (truncated)");
        }
        // A scalar or stray text: up to the next separator.
        keep(sb, c);
        while ((c = read()) != -1 && c != '\n' && !(insideArray && (c == ',' || c == ']'))
                && !(c == '{' && !insideArray)) {
            keep(sb, c);
        }
        if (c != -1 && c != '\n') {
            unread(c);
        }
        return length > limit ? chunk(sb, null) : new Chunk(sb.toString().strip(), null);
    }

    private Chunk container(StringBuilder sb, int open) throws IOException {
        int depth = 0;
        int c = open;
        while (true) {
            keep(sb, c);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return chunk(sb, null);
                }
            } else if (c == '"') {
                if (!readString(sb)) {
                    ended = true;
                    return chunk(sb, "the file ends inside a frame (truncated)");
                }
            }
            c = read();
            if (c == -1) {
                ended = true;
                return chunk(sb, "the file ends inside a frame (truncated)");
            }
        }
    }

    /** Appends the rest of a string whose opening quote was appended; false at end of input. */
    private boolean readString(StringBuilder sb) throws IOException {
        int c;
        while ((c = read()) != -1) {
            keep(sb, c);
            if (c == '\\') {
                c = read();
                if (c == -1) {
                    return false;
                }
                keep(sb, c);
            } else if (c == '"') {
                return true;
            }
        }
        return false;
    }
}
