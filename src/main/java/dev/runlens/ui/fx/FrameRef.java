package dev.runlens.ui.fx;

import java.nio.file.Path;

/**
 * Where the text of one received frame can be found again. Small frames keep their text; big ones
 * are spilled to a file so that the heap holds only their location.
 */
public sealed interface FrameRef {

    /** Length of the frame text in chars. */
    int length();

    record Inline(String text) implements FrameRef {
        public int length() {
            return text.length();
        }
    }

    /** {@code bytes} UTF-8 bytes at {@code offset} in {@code file}. */
    record InFile(Path file, long offset, int bytes, int length) implements FrameRef {
    }
}
