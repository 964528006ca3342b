package dev.runlens.log;

import java.io.IOException;

/** The file is not a log Runlens can read (empty, not JSON, unknown shape). */
public final class LogFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public LogFormatException(String message) {
        super(message);
    }
}
