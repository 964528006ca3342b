package dev.runlens.model;

import java.util.Locale;

public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, INTERRUPTED;

    /** The lower-case name used in summaries. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
