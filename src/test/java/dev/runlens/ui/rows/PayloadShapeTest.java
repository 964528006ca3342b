package dev.runlens.ui.rows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The scanned outline of a payload equals the streaming parser's, or leaves the text to it. */
class PayloadShapeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"M\":{\"a\":{\"S\":\"x\"},\"b\":{\"A\":[{\"U\":\"1\"}]}}}",
        "{\"U1\":\"340282366920938463463374607431768211455\"}",
        "{\"M\":5}",
        "{\"M\":{}}",
        "{}",
        "{\"M\":{\"a\":1},\"extra\":true}",
        "{\"prompt\":\"hi\",\"options\":{\"deep\":{\"x\":[1,2]}}}",
        "{ \"a\" : [ 1 , { \"b\" : \"}\" } ] , \"c\" : null , \"d\":-1.5e3 }",
        "{\"a\":\"with \\\"quotes\\\" and \\\\ inside\",\"b\":{\"s\":\"]}[{,\"}}",
        "{\"a\":1,\"a\":2,\"b\":3}",
        "{\"M\":{\"x\":{\"S\":\"é ü\"},\"x\":{\"N\":0},\"y\":{\"B\":true}}}",
        "\"done\"",
        "[1,{\"a\":2}]",
        "12.5",
        "-3",
        "false",
        "true",
        "null",
        "  {\"spaced\" :\t{\"in\":1}\n}",
    })
    void outlinesAsTheParserDoes(String text) {
        for (boolean tagged : new boolean[] {true, false}) {
            assertEquals(FrameSummary.parsedShape(text, tagged), PayloadShape.of(text, tagged), text + (tagged ? " tagged" : " plain"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"k\\u0041y\":1}",
        "\"esc\\naped\"",
        "{\"a\" 1}",
    })
    void leavesEscapesAndSurprisesToTheParser(String text) {
        assertNull(PayloadShape.of(text, false), text);
    }
}
