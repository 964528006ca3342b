package dev.runlens.replay;

import dev.runlens.protocol.RunRef;

import java.time.Instant;

/**
 * One indexed entry, for display (event list, inspector header). {@code sequence} is the frame's
 * number among the file's frames (-1 for meta lines and damaged pieces); {@code receivedAt} is our
 * receive time, {@code serverTime} the event's own, either may be null. {@code run}, {@code node},
 * {@code times} are null where they do not apply. {@code offset}/{@code length} locate the line in
 * the log file, or are -1 when the form has no usable offsets (the text is then kept in a spool file).
 * {@code note} is the meta kind of a meta line ("subscribed", "gap", "disconnected"...), the
 * message of an error (null for the few kept only in the file), else null.
 */
public record IndexedEntry(int index, EntryKind kind, long sequence, Instant receivedAt, Instant serverTime,
                           RunRef run, String node, Integer times, String note, long offset, int length) {
}
