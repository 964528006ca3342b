package dev.runlens.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueCodecTest {

    private static JsonNode json(String s) throws Exception {
        return Json.parse(s);
    }

    /** The server's own round-trip vectors, from the protocol page. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"N\":0}", "{\"S\":\"hello\"}", "{\"U\":\"0\"}", "{\"I\":\"-1\"}", "{\"B\":true}",
            "{\"U1\":\"340282366920938463463374607431768211455\"}",
            "{\"I1\":\"-170141183460469231731687303715884105728\"}",
            "{\"D\":\"3.1415926535897932384626433833\"}", "{\"M\":{\"foo\":{\"I\":\"1\"}}}",
            "{\"A\":[{\"I\":\"1\"},{\"S\":\"hello\"}]}",
            "{\"B3\":\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7\"}",
            "{\"B6\":\"3PvNxykqBz1BzBaq2AMU4Sa3CPJGnSC9JXkyzXe33m6W7Sj4MMgsZet6YxUQdPx1fEFU79QWm6RpPRVJAyeqiNsR\"}",
            "{\"BY\":\"aGVsbG8gd29ybGQ=\"}",
            "{\"F\":\"1.5\"}", "{\"F\":\"1e16\"}", "{\"F\":\"inf\"}", "{\"F\":\"-inf\"}", "{\"F\":\"NaN\"}",
            "{\"D\":\"1.50\"}", "{\"M\":{\"\":{\"U\":\"12577139861\"},\"b\":{\"N\":0},\"a\":{\"B\":false}}}"
    })
    void roundTripsExactly(String wire) throws Exception {
        Value v = ValueCodec.decode(json(wire));
        assertTrue(v.wellFormed(), () -> "should be well formed: " + v);
        assertEquals(wire, Json.compact(ValueCodec.encode(v)));
    }

    @Test
    void bigIntegersStayExact() throws Exception {
        Value v = ValueCodec.decode(json("{\"U1\":\"340282366920938463463374607431768211455\"}"));
        assertEquals(new Value.Int(Tag.U1, new BigInteger("340282366920938463463374607431768211455")), v);
        assertEquals("340282366920938463463374607431768211455", Json.compact(ValueCodec.toPlain(v)));
    }

    @Test
    void decimalIsBigDecimalAndKeepsTrailingZeros() throws Exception {
        Value v = ValueCodec.decode(json("{\"D\":\"1.50\"}"));
        assertEquals(new Value.Decimal(new BigDecimal("1.50")), v);
        assertEquals("1.50", Json.compact(ValueCodec.toPlain(v)));
        assertEquals("0.0000001", Json.compact(ValueCodec.toPlain(ValueCodec.decode(json("{\"D\":\"0.0000001\"}")))));
    }

    @Test
    void b3DecodesToThirtyTwoBytes() throws Exception {
        Value v = ValueCodec.decode(json("{\"B3\":\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7\"}"));
        Value.Bytes b = assertInstanceOf(Value.Bytes.class, v);
        assertEquals(32, b.bytes().length);
        assertEquals("\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7\"", Json.compact(ValueCodec.toPlain(v)));
    }

    @Test
    void mapKeepsKeyOrderAndEmptyKeys() throws Exception {
        Value v = ValueCodec.decode(json("{\"M\":{\"z\":{\"N\":0},\"\":{\"S\":\"x\"},\"a\":{\"U\":\"1\"}}}"));
        Value.Map m = assertInstanceOf(Value.Map.class, v);
        assertEquals(List.of("z", "", "a"), List.copyOf(m.entries().keySet()));
        assertEquals("{\"z\":null,\"\":\"x\",\"a\":1}", Json.compact(ValueCodec.toPlain(v)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"N\":0}|null",
            "{\"S\":\"hi\"}|\"hi\"",
            "{\"B\":true}|true",
            "{\"U\":\"18446744073709551615\"}|18446744073709551615",
            "{\"I\":\"-9223372036854775808\"}|-9223372036854775808",
            "{\"I1\":\"-5\"}|-5",
            "{\"F\":\"1.5\"}|1.5",
            "{\"F\":\"NaN\"}|\"NaN\"",
            "{\"F\":\"inf\"}|\"Infinity\"",
            "{\"F\":\"-inf\"}|\"-Infinity\"",
            "{\"D\":\"-3.25\"}|-3.25",
            "{\"BY\":\"aGVsbG8gd29ybGQ=\"}|\"aGVsbG8gd29ybGQ=\"",
            "{\"A\":[{\"I\":\"1\"},{\"S\":\"hello\"}]}|[1,\"hello\"]",
            "{\"M\":{}}|{}"
    })
    void plainForm(String wire, String plain) throws Exception {
        assertEquals(plain, Json.compact(ValueCodec.toPlain(json(wire))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"U\":5}|decimal string",
            "{\"N\":1}|N must carry the number 0",
            "{}|exactly one tag key",
            "{\"S\":\"a\",\"B\":true}|exactly one tag key",
            "{\"X\":\"1\"}|unknown tag",
            "{\"u\":\"1\"}|unknown tag",
            "{\"U\":\"-1\"}|not a u64",
            "{\"U\":\"18446744073709551616\"}|out of range",
            "{\"I\":\"9223372036854775808\"}|out of range",
            "{\"U1\":\"340282366920938463463374607431768211456\"}|out of range",
            "{\"I1\":\"170141183460469231731687303715884105728\"}|out of range",
            "{\"U\":\"1.5\"}|not a u64",
            "{\"U\":\"\"}|not a u64",
            "{\"F\":1.5}|F must carry a string",
            "{\"F\":\"abc\"}|not a number",
            "{\"F\":\"0x10\"}|not a number",
            "{\"D\":\"1e5\"}|not a plain decimal",
            "{\"D\":\"0.12345678901234567890123456789\"}|more than 28 decimal places",
            "{\"D\":\"79228162514264337593543950336\"}|96-bit mantissa",
            "{\"B3\":\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJ\"}|must be 32 bytes",
            "{\"B3\":\"0OIl\"}|not base58",
            "{\"B6\":\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7\"}|must be 64 bytes",
            "{\"BY\":\"aGVsbG8gd29ybGQ\"}|base64",
            "{\"BY\":\"aGVsbG8-d29ybGQ=\"}|base64",
            "{\"B\":\"true\"}|true or false",
            "{\"A\":{}}|array of values",
            "{\"M\":[]}|object of values",
            "\"loose\"|one tag key"
    })
    void malformedValuesKeepTheirReasonAndNeverThrow(String wire, String reasonPart) throws Exception {
        JsonNode raw = json(wire);
        Value v = ValueCodec.decode(raw);
        Value.Malformed m = assertInstanceOf(Value.Malformed.class, v);
        assertTrue(m.reason().contains(reasonPart), () -> "reason was: " + m.reason());
        assertEquals(raw, m.raw());
        // Written back as it arrived, never "fixed".
        assertEquals(raw, ValueCodec.encode(v));
    }

    @Test
    void malformedInsideAContainerIsKeptInPlace() throws Exception {
        Value v = ValueCodec.decode(json("{\"M\":{\"ok\":{\"U\":\"1\"},\"bad\":{\"U\":2}}}"));
        Value.Map m = assertInstanceOf(Value.Map.class, v);
        assertFalse(v.wellFormed());
        assertTrue(m.entries().get("ok").wellFormed());
        assertInstanceOf(Value.Malformed.class, m.entries().get("bad"));
        assertEquals("{\"M\":{\"ok\":{\"U\":\"1\"},\"bad\":{\"U\":2}}}", Json.compact(ValueCodec.encode(v)));
    }

    @Test
    void floatsCreatedInJavaUseTheServersTextForm() {
        assertEquals("1.5", Value.Float.of(1.5).text());
        assertEquals("1e16", Value.Float.of(1e16).text());
        assertEquals("inf", Value.Float.of(Double.POSITIVE_INFINITY).text());
        assertEquals("-inf", Value.Float.of(Double.NEGATIVE_INFINITY).text());
        assertEquals("NaN", Value.Float.of(Double.NaN).text());
        assertEquals("3.0", Value.Float.of(3.0).text());
    }

    @Test
    void typeNamesForTheInspector() {
        assertEquals("u64", Tag.U.typeName());
        assertEquals("decimal", Tag.D.typeName());
        assertEquals("pubkey", Tag.B3.typeName());
        assertEquals("bytes", Tag.BY.typeName());
    }
}
