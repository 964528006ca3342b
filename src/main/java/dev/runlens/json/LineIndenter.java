package dev.runlens.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;

/**
 * A newline and two spaces per level, as Jackson's {@code DefaultIndenter("  ", "\n")} writes them,
 * with each level's text encoded once: the default writes characters, which the UTF-8 generator
 * encodes one by one, twice per line (a 1,000,000-event summary has over 3 million lines).
 */
final class LineIndenter implements DefaultPrettyPrinter.Indenter {
    private static final SerializedString[] LEVELS = new SerializedString[32];

    static {
        for (int level = 0; level < LEVELS.length; level++) {
            LEVELS[level] = line(level);
        }
    }

    private static SerializedString line(int level) {
        return new SerializedString("\n" + "  ".repeat(level));
    }

    @Override
    public boolean isInline() {
        return false;
    }

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
        g.writeRaw(level < LEVELS.length ? LEVELS[level] : line(level));
    }
}
