package dev.runlens.log;

/** The log forms Runlens reads, detected from content (any of them may also be gzip-compressed). */
public enum LogFormat {
    SESSION, JSON_LINES, PRETTY, ARRAY, HAR
}
