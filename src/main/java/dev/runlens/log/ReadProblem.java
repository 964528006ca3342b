package dev.runlens.log;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a log file cannot be read, as the one sentence every command and the window show. */
public final class ReadProblem {
    private ReadProblem() {
    }

    public static String of(Path file, IOException e) {
        return switch (e) {
            case NoSuchFileException x -> file + ": no such file";
            case AccessDeniedException x -> file + ": permission denied";
            case LogFormatException x -> x.getMessage();
            default -> file + ": cannot be read (" + e.getMessage() + ")";
        };
    }
}
