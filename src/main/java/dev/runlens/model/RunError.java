package dev.runlens.model;

import java.time.Instant;

/** A node error (node and times set) or a flow error (both null), in stream order. */
public record RunError(String node, Integer times, String message, Instant time) {
    public boolean isFlowError() {
        return node == null;
    }
}
