package dev.runlens.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one configured Jackson setup. Frames may legitimately carry tens of MB of text, so the
 * string limit is raised far above Jackson's 20 M default; the nesting limit stays at 1000 so a
 * hostile, deeply nested frame is rejected as malformed instead of overflowing the stack.
 */
public final class Json {
    public static final int MAX_STRING_LENGTH = 512 * 1024 * 1024;
    public static final int MAX_NESTING_DEPTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(1000)
                    .build())
            // No source excerpts in parser errors: they cost time per parser and could carry a
            // secret from a frame into a message or log.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            // Numbers keep their exact text: 1.50 stays 1.50, 1756806125.043 stays exact; one with
            // an absurd exponent (1e400000000) is kept but never expanded (BoundedNodeFactory).
            .setNodeFactory(new BoundedNodeFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    /** Python's {@code json.dumps(indent=2)} layout, which the fixtures' summaries use. */
    private static final DefaultPrettyPrinter PRETTY_PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new LineIndenter())
            .withArrayIndenter(new LineIndenter());

    /**
     * Whole texts (a frame, a log line): {@code "x"y} and {@code {}{}} are malformed, not their first
     * value with the rest ignored. The mapper itself keeps reading values out of longer streams (HAR).
     */
    private static final ObjectReader TREE_READER = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writer(PRETTY_PRINTER);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses one JSON text; throws IOException (including constraint violations) for bad input. */
    public static JsonNode parse(String text) throws IOException {
        return TREE_READER.readTree(text);
    }

    /** As {@link #parse(String)}, for the UTF-8 bytes {@code bytes[offset, offset + length)}. */
    public static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
        return TREE_READER.readTree(bytes, offset, length);
    }

    public static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A generator writing UTF-8 in the {@link #pretty} layout, for output too big to build as a
     * tree. It does not close {@code out}. Characters outside the BMP are written as escaped
     * surrogate pairs, as Jackson's UTF-8 generator does by default.
     */
    public static JsonGenerator prettyGenerator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setCodec(MAPPER);
        g.setPrettyPrinter(PRETTY_PRINTER.createInstance());
        g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return g;
    }

    /** Two-space indent, {@code "key": value}, empty containers as {@code []} and {@code {}}. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
