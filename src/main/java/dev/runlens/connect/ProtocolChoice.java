package dev.runlens.connect;

import java.util.Arrays;

/** Which protocol to speak; AUTO tells Lyzr from Space Operator by the URL and v1 from v2 by the answer. */
public enum ProtocolChoice {
    AUTO("auto"),
    SPACE_OPERATOR("space-operator"),
    SPACE_OPERATOR_V1("space-operator-v1"),
    LYZR("lyzr");

    private final String id;

    ProtocolChoice(String id) {
        this.id = id;
    }

    /** The name used on the command line. */
    public String id() {
        return id;
    }

    /** The choice named {@code id} (as on the command line), or null. */
    public static ProtocolChoice ofId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }
}
