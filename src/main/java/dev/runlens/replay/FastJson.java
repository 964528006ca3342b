package dev.runlens.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.runlens.json.Json;

/**
 * The parser factory of the indexing fast paths: the same limits as {@link Json#factory()}, but
 * without source references in error locations (built per parser, a measurable cost per line).
 * A fast-path parse error only sends the line to the full decoder, which reports it properly.
 */
final class FastJson {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Json.MAX_STRING_LENGTH)
                    .maxNestingDepth(Json.MAX_NESTING_DEPTH)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private FastJson() {
    }
}
