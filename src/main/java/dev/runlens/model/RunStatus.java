package dev.runlens.model;

import java.util.Locale;

public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED;

    /** The lower-case name used in summaries. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
