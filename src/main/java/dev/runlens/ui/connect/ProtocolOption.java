package dev.runlens.ui.connect;

import java.util.Arrays;

/** The protocol choices of the Connect dialog (the connection service's ProtocolChoice, by name). */
public enum ProtocolOption {
    AUTO("Auto-detect", "auto"),
    SPACE_OPERATOR("Space Operator", "space-operator"),
    SPACE_OPERATOR_V1("Space Operator v1 (legacy)", "space-operator-v1"),
    LYZR("Lyzr", "lyzr");

    private final String label;
    private final String id;

    ProtocolOption(String label, String id) {
        this.label = label;
        this.id = id;
    }

    /** The command-line spelling ({@code --protocol}). */
    public String id() {
        return id;
    }

    public static ProtocolOption ofId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equalsIgnoreCase(id) || p.name().equalsIgnoreCase(id)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return label;
    }
}
