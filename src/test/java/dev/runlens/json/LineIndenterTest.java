package dev.runlens.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pretty layout is Jackson's own indenter's, at every depth, the deepest included. */
class LineIndenterTest {

    @Test
    void writesWhatJacksonsIndenterWrites() throws Exception {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            deep.append(i % 2 == 0 ? "{\"k\": [1, {}, [], " : "[\"x\", ");
        }
        deep.append("null");
        for (int i = 39; i >= 0; i--) {
            deep.append(i % 2 == 0 ? "]}" : "]");
        }
        JsonNode node = Json.parse("{\"runs\": [{\"a\": 1, \"b\": \"t\", \"c\": null}], \"deep\": " + deep + ", \"e\": {}}");
        DefaultPrettyPrinter jacksons = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String expected = new ObjectMapper().writer(jacksons).writeValueAsString(node);
        assertEquals(expected, Json.pretty(node));
    }
}
