package dev.runlens.replay;

import dev.runlens.model.RunModel;

/** The model as after applying entries 0..position-1; never modified once taken. */
record Snapshot(int position, RunModel model, long estimatedBytes) {
}
