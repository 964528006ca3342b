package dev.runlens.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.protocol.Payload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuralDiffTest {

    private static Payload tagged(String json) throws IOException {
        return Payload.tagged(Json.parse(json));
    }

    private static Payload plain(String json) throws IOException {
        return Payload.plain(Json.parse(json));
    }

    private static List<Difference> diff(String before, String after) throws IOException {
        return StructuralDiff.of(tagged(before), tagged(after));
    }

    /** The specification's round-trip vectors are each equal to themselves. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"N\":0}", "{\"S\":\"hello\"}", "{\"U\":\"0\"}", "{\"I\":\"-1\"}", "{\"B\":true}",
        "{\"U1\":\"340282366920938463463374607431768211455\"}", "{\"I1\":\"-170141183460469231731687303715884105728\"}",
        "{\"D\":\"3.1415926535897932384626433833\"}", "{\"M\":{\"foo\":{\"I\":\"1\"}}}", "{\"A\":[{\"I\":\"1\"},{\"S\":\"hello\"}]}",
        "{\"B3\":\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7\"}", "{\"BY\":\"aGVsbG8gd29ybGQ=\"}"})
    void specificationVectorsEqualThemselves(String value) throws IOException {
        assertEquals(List.of(), diff(value, value));
        assertTrue(StructuralDiff.equal(tagged(value), tagged(value)));
    }

    @Test
    void u128OneApartDiffersExactly() throws IOException {
        List<Difference> d = diff("{\"U1\":\"340282366920938463463374607431768211455\"}", "{\"U1\":\"340282366920938463463374607431768211454\"}");
        assertEquals(1, d.size());
        assertEquals(Difference.Kind.CHANGED, d.get(0).kind());
        assertEquals("$", d.get(0).path());
        assertEquals("u128 340282366920938463463374607431768211455", d.get(0).before());
        assertEquals("u128 340282366920938463463374607431768211454", d.get(0).after());
    }

    @Test
    void decimalComparesByValueSoTrailingZerosAreNoChange() throws IOException {
        assertEquals(List.of(), diff("{\"D\":\"1.50\"}", "{\"D\":\"1.5\"}"));
        assertEquals(1, diff("{\"D\":\"1.50\"}", "{\"D\":\"1.51\"}").size());
    }

    @Test
    void sameNumberInAnotherTypeIsAChange() throws IOException {
        List<Difference> d = diff("{\"U\":\"5\"}", "{\"I\":\"5\"}");
        assertEquals(List.of(new Difference(Difference.Kind.CHANGED, "$", "u64 5", "i64 5")), d);
        assertEquals(1, diff("{\"D\":\"5\"}", "{\"F\":\"5\"}").size());
        assertEquals(1, diff("{\"S\":\"5\"}", "{\"U\":\"5\"}").size());
    }

    @Test
    void bytesCompareAsBytesNotText() throws IOException {
        // The same 32 bytes as a pubkey (base58) and as plain bytes (base64) are different types.
        assertEquals(1, diff("{\"B3\":\"11111111111111111111111111111111\"}",
                "{\"BY\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}").size());
        List<Difference> d = diff("{\"BY\":\"aGVsbG8=\"}", "{\"BY\":\"aGVsbG8h\"}");
        assertEquals("bytes (5 bytes) aGVsbG8=", d.get(0).before());
        assertEquals("bytes (6 bytes) aGVsbG8h", d.get(0).after());
    }

    @Test
    void floatNanEqualsNanAndZerosAreEqual() throws IOException {
        assertEquals(List.of(), diff("{\"F\":\"NaN\"}", "{\"F\":\"NaN\"}"));
        assertEquals(List.of(), diff("{\"F\":\"-0\"}", "{\"F\":\"0\"}"));
        assertEquals(1, diff("{\"F\":\"inf\"}", "{\"F\":\"-inf\"}").size());
    }

    @Test
    void mapsListRemovedChangedAndAddedKeysWithPaths() throws IOException {
        List<Difference> d = diff(
                "{\"M\":{\"a\":{\"U\":\"1\"},\"gone\":{\"S\":\"x\"},\"nested\":{\"M\":{\"\":{\"B\":true}}}}}",
                "{\"M\":{\"new key\":{\"N\":0},\"nested\":{\"M\":{\"\":{\"B\":false}}},\"a\":{\"U\":\"1\"}}}");
        assertEquals(List.of(
                new Difference(Difference.Kind.REMOVED, "$.gone", "string \"x\"", null),
                new Difference(Difference.Kind.CHANGED, "$.nested[\"\"]", "bool true", "bool false"),
                new Difference(Difference.Kind.ADDED, "$[\"new key\"]", null, "null")), d);
    }

    @Test
    void arraysCompareByIndex() throws IOException {
        List<Difference> d = diff("{\"A\":[{\"I\":\"1\"},{\"S\":\"hello\"},{\"B\":true}]}", "{\"A\":[{\"I\":\"2\"},{\"S\":\"hello\"}]}");
        assertEquals(List.of(
                new Difference(Difference.Kind.CHANGED, "$[0]", "i64 1", "i64 2"),
                new Difference(Difference.Kind.REMOVED, "$[2]", "bool true", null)), d);
    }

    @Test
    void malformedValuesCompareAsTheirRawJson() throws IOException {
        assertEquals(List.of(), diff("{\"U\":5}", "{\"U\":5}"));
        assertEquals(1, diff("{\"U\":5}", "{\"U\":\"5\"}").size());
    }

    @Test
    void lyzrJsonNumbersCompareByValue() throws IOException {
        assertEquals(List.of(), StructuralDiff.of(plain("{\"x\":1.0,\"y\":[1,2]}"), plain("{\"y\":[1,2.00],\"x\":1}")));
        List<Difference> d = StructuralDiff.of(plain("{\"x\":1,\"s\":\"a\"}"), plain("{\"x\":\"1\",\"s\":\"a\",\"t\":null}"));
        assertEquals(List.of(new Difference(Difference.Kind.CHANGED, "$.x", "1", "\"1\""),
                new Difference(Difference.Kind.ADDED, "$.t", null, "null")), d);
    }

    @Test
    void aMissingSideIsAddedOrRemovedAtTheRoot() throws IOException {
        assertEquals(Difference.Kind.ADDED, StructuralDiff.of(null, tagged("{\"S\":\"x\"}")).get(0).kind());
        assertEquals(Difference.Kind.REMOVED, StructuralDiff.of(tagged("{\"S\":\"x\"}"), null).get(0).kind());
        assertTrue(StructuralDiff.equal(null, null));
        assertFalse(StructuralDiff.equal(null, tagged("{\"N\":0}")));
    }

    @Test
    void aHugeArrayDiffIsBounded() throws IOException {
        JsonNode a = Json.parse("{\"A\":[" + "{\"U\":\"1\"},".repeat(2000) + "{\"U\":\"1\"}]}");
        JsonNode b = Json.parse("{\"A\":[" + "{\"U\":\"2\"},".repeat(2000) + "{\"U\":\"2\"}]}");
        assertEquals(StructuralDiff.MAX_DIFFERENCES, StructuralDiff.of(Payload.tagged(a), Payload.tagged(b)).size());
    }

    @Test
    void linesCarryATextMarkForEachKind() {
        assertEquals("+ $.fee: u64 5000 (added)", new Difference(Difference.Kind.ADDED, "$.fee", null, "u64 5000").line());
        assertEquals("- $.x: bool true (removed)", new Difference(Difference.Kind.REMOVED, "$.x", "bool true", null).line());
        assertEquals("~ $.x: u64 1 → u64 2", new Difference(Difference.Kind.CHANGED, "$.x", "u64 1", "u64 2").line());
    }
}
