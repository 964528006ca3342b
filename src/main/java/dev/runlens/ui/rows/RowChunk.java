package dev.runlens.ui.rows;

import java.util.Arrays;

/** One chunk of a {@link RowStore}'s columns (16k rows). The first chunk starts small and grows, so a short run costs little. */
final class RowChunk {
    long[] sequence;
    long[] received;
    long[] time;
    int[] kind;
    int[] node;
    int[] times;
    /** {@link TextArena} handles; {@link TextArena#NONE} when the frame is an object or there is no summary. */
    long[] text;
    long[] summary;
    /** Frames kept by reference (spilled to a file, or read back from a log); null when packed. */
    FrameRef[] frame;
    /** The execution's index in the owner run, -1 for none: survives the run being replaced by a copy. */
    int[] execution;
    /** The next row of the same execution (or of the run itself), -1 for none. */
    int[] next;

    RowChunk(int capacity) {
        sequence = new long[capacity];
        received = new long[capacity];
        time = new long[capacity];
        kind = new int[capacity];
        node = new int[capacity];
        times = new int[capacity];
        text = new long[capacity];
        summary = new long[capacity];
        frame = new FrameRef[capacity];
        execution = new int[capacity];
        next = new int[capacity];
    }

    int capacity() {
        return sequence.length;
    }

    void grow(int capacity) {
        sequence = Arrays.copyOf(sequence, capacity);
        received = Arrays.copyOf(received, capacity);
        time = Arrays.copyOf(time, capacity);
        kind = Arrays.copyOf(kind, capacity);
        node = Arrays.copyOf(node, capacity);
        times = Arrays.copyOf(times, capacity);
        text = Arrays.copyOf(text, capacity);
        summary = Arrays.copyOf(summary, capacity);
        frame = Arrays.copyOf(frame, capacity);
        execution = Arrays.copyOf(execution, capacity);
        next = Arrays.copyOf(next, capacity);
    }
}
