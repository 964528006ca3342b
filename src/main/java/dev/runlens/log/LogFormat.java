package dev.runlens.log;

/** The log forms Runlens reads, detected from content (any of them may also be gzip-compressed). */
public enum LogFormat {
    SESSION("Runlens session log"),
    JSON_LINES("JSON Lines"),
    PRETTY("pretty-printed JSON frames"),
    ARRAY("JSON array of frames"),
    HAR("HAR export");

    private final String label;

    LogFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
