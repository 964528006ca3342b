package dev.runlens.ui.connect;

import java.util.Arrays;
import java.util.Map;

/**
 * Where a connection's token comes from: nowhere, an environment variable (only its name is
 * kept), or typed into the dialog (kept as chars, never remembered, never printed).
 */
public sealed interface TokenSource {

    /** The token's characters, or null when there is none; the caller clears them after use. */
    char[] resolve(Map<String, String> env);

    record None() implements TokenSource {
        public char[] resolve(Map<String, String> env) {
            return null;
        }
    }

    record EnvVar(String name) implements TokenSource {
        public char[] resolve(Map<String, String> env) {
            String v = env.get(name);
            return v == null || v.isEmpty() ? null : v.toCharArray();
        }
    }

    /** The first non-blank line of a file (read when connecting). */
    record FromFile(java.nio.file.Path file) implements TokenSource {
        public char[] resolve(Map<String, String> env) {
            try {
                return java.nio.file.Files.readAllLines(file).stream().filter(l -> !l.isBlank()).findFirst()
                        .map(l -> l.strip().toCharArray()).orElse(null);
            } catch (java.io.IOException e) {
                // Never echo the content; the path is enough to act on.
                throw new IllegalStateException("cannot read the token file " + file);
            }
        }
    }

    final class Typed implements TokenSource {
        private final char[] chars;

        public Typed(char[] chars) {
            this.chars = chars.clone();
        }

        public char[] resolve(Map<String, String> env) {
            return chars.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Typed t && Arrays.equals(t.chars, chars);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(chars);
        }

        @Override
        public String toString() {
            return "Typed[***]";
        }
    }
}
