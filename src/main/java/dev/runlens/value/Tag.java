package dev.runlens.value;

/** The one-key tags of Space Operator's value encoding, with the type name the inspector shows. */
public enum Tag {
    N("null"), S("string"), B("bool"), U("u64"), I("i64"), U1("u128"), I1("i128"), F("f64"), D("decimal"),
    B3("pubkey"), B6("signature"), BY("bytes"), A("array"), M("map");

    private final String typeName;

    Tag(String typeName) {
        this.typeName = typeName;
    }

    public String typeName() {
        return typeName;
    }

    /** The tag for a wire key, or null when the key is not a tag. Case matters on the wire. */
    public static Tag ofKey(String key) {
        for (Tag t : values()) {
            if (t.name().equals(key)) {
                return t;
            }
        }
        return null;
    }
}
