package dev.runlens.replay;

import dev.runlens.model.ModelImage;

/** The model as after applying entries 0..position-1; never modified once taken. */
record Snapshot(int position, ModelImage image, long estimatedBytes) {
}
