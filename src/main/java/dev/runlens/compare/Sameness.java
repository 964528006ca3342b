package dev.runlens.compare;

/** Whether one payload (an input or an output) is the same in both runs. */
public enum Sameness {
    /** Both have it and it is equal. */
    EQUAL("equal", "="),
    /** Both have it and it differs. */
    DIFFERENT("differs", "≠"),
    /** One run has it and the other ended without it (or never ran the execution). */
    MISSING("missing", "∅"),
    /** Neither has it, e.g. two executions that both failed before any output. */
    NONE("none", "·"),
    /** The run is still going and has not got it yet: no verdict. */
    PENDING("pending", "…");

    private final String id;
    private final String mark;

    Sameness(String id, String mark) {
        this.id = id;
        this.mark = mark;
    }

    public String id() {
        return id;
    }

    /** A text mark that reads without colour. */
    public String mark() {
        return mark;
    }

    /** True when this is a difference between the runs. */
    public boolean differs() {
        return this == DIFFERENT || this == MISSING;
    }
}
