package dev.runlens.replay;

/** A frame the decoder rejected, or a piece of the file that is not a frame: where and why. */
public record MalformedEntry(int index, String reason) {
}
