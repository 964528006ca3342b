package dev.runlens.log;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into top-level JSON values without parsing them: it tracks only
 * strings and bracket depth, so one broken or hostile frame (bad syntax, deep nesting) stays one
 * bad chunk and reading goes on. Used for pretty-printed sequences and JSON arrays.
 */
final class ValueScanner {
    /** One value's text; {@code problem} is set when it could not be completed. */
    record Chunk(String text, String problem) {
    }

    private final Reader in;
    private final boolean insideArray;
    private int peeked = -2;
    private boolean ended;

    /** @param insideArray true when the opening '[' was consumed and values are comma-separated */
    ValueScanner(Reader in, boolean insideArray) {
        this.in = in;
        this.insideArray = insideArray;
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
        if (c == '{' || c == '[') {
            return container(sb, c);
        }
        if (c == '"') {
            sb.append('"');
            return readString(sb) ? new Chunk(sb.toString(), null)
                    : new Chunk(sb.toString(), "the file ends inside a string (truncated)");
        }
        // A scalar or stray text: up to the next separator.
        sb.append((char) c);
        while ((c = read()) != -1 && c != '\n' && !(insideArray && (c == ',' || c == ']'))
                && !(c == '{' && !insideArray)) {
            sb.append((char) c);
        }
        if (c != -1 && c != '\n') {
            unread(c);
        }
        return new Chunk(sb.toString().strip(), null);
    }

    private Chunk container(StringBuilder sb, int open) throws IOException {
        int depth = 0;
        int c = open;
        while (true) {
            sb.append((char) c);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return new Chunk(sb.toString(), null);
                }
            } else if (c == '"') {
                if (!readString(sb)) {
                    ended = true;
                    return new Chunk(sb.toString(), "the file ends inside a frame (truncated)");
                }
            }
            c = read();
            if (c == -1) {
                ended = true;
                return new Chunk(sb.toString(), "the file ends inside a frame (truncated)");
            }
        }
    }

    /** Appends the rest of a string whose opening quote was appended; false at end of input. */
    private boolean readString(StringBuilder sb) throws IOException {
        int c;
        while ((c = read()) != -1) {
            sb.append((char) c);
            if (c == '\\') {
                c = read();
                if (c == -1) {
                    return false;
                }
                sb.append((char) c);
            } else if (c == '"') {
                return true;
            }
        }
        return false;
    }
}
