package dev.runlens.connect;

import java.util.Arrays;

/** Which protocol to speak; AUTO tells Lyzr from Space Operator by the URL and v1 from v2 by the answer. */
public enum ProtocolChoice {
    AUTO("auto", "Auto-detect"),
    SPACE_OPERATOR("space-operator", "Space Operator"),
    SPACE_OPERATOR_V1("space-operator-v1", "Space Operator v1 (legacy)"),
    LYZR("lyzr", "Lyzr");

    private final String id;
    private final String label;

    ProtocolChoice(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name used on the command line. */
    public String id() {
        return id;
    }

    /** The name the Connect dialog shows. */
    public String label() {
        return label;
    }

    /** The choice named {@code id} (as on the command line), or null. */
    public static ProtocolChoice ofId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }
}
