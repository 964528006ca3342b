package dev.runlens.protocol;

import java.util.Arrays;

/** Which protocol (and generation) a run's events came from. */
public enum Source {
    SPACE_OPERATOR("space-operator", "Space Operator"),
    SPACE_OPERATOR_V1("space-operator-v1", "Space Operator v1"),
    LYZR("lyzr", "Lyzr");

    private final String id;
    private final String label;

    Source(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name used in summaries and logs. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean isSpaceOperator() {
        return this != LYZR;
    }

    public static Source ofId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElse(null);
    }
}
