package dev.runlens.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A token that is held but never printed: {@link #toString()} is {@code ***}. Read it from an
 * environment variable or a file, never from a command-line argument.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.clone());
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.toCharArray());
    }

    /** The variable's value (trimmed), or null when it is unset or blank. */
    public static Secret fromEnvironment(String variable, java.util.function.Function<String, String> env) {
        String v = env.apply(variable);
        if (v == null || v.isBlank()) {
            return null;
        }
        return of(v.strip());
    }

    /** The file's first line (trimmed). Throws when it cannot be read or is empty; the message never holds content. */
    public static Secret fromFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String line = text.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse(null);
        if (line == null) {
            throw new IOException(file + " is empty");
        }
        return of(line);
    }

    /** The token itself: only for the frame that authenticates. */
    public String reveal() {
        return new String(value);
    }

    /** Replaces every occurrence of the token in {@code text} by {@code ***}. */
    public String redact(String text) {
        if (text == null || value.length == 0) {
            return text;
        }
        String v = reveal();
        return text.contains(v) ? text.replace(v, "***") : text;
    }

    @Override
    public String toString() {
        return "***";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
