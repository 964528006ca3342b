package dev.runlens.act;

import dev.runlens.value.Tag;
import dev.runlens.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowInputsTest {

    private static String tagged(String text, FlowInputs.Form form, Map<String, Tag> types) throws ActionFailure {
        return FlowInputs.taggedCompact(FlowInputs.parse(text, form, types));
    }

    @Test
    void plainJsonMapsEachTypeAndNumbersBecomeDecimalsKeepingTheirDigits() throws Exception {
        assertEquals("{\"a\":{\"D\":\"1.50\"},\"b\":{\"S\":\"x\"},\"c\":{\"B\":true},\"d\":{\"N\":0},\"e\":{\"A\":[{\"D\":\"1\"}]},"
                        + "\"f\":{\"M\":{\"g\":{\"D\":\"100000000000000000000\"}}}}",
                tagged("{\"a\":1.50,\"b\":\"x\",\"c\":true,\"d\":null,\"e\":[1],\"f\":{\"g\":100000000000000000000}}",
                        FlowInputs.Form.PLAIN, Map.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "U|5|{\"n\":{\"U\":\"5\"}}",
            "I|-5|{\"n\":{\"I\":\"-5\"}}",
            "U1|340282366920938463463374607431768211455|{\"n\":{\"U1\":\"340282366920938463463374607431768211455\"}}",
            "F|1.5|{\"n\":{\"F\":\"1.5\"}}",
            "D|2.500|{\"n\":{\"D\":\"2.500\"}}",
            "S|\"7\"|{\"n\":{\"S\":\"7\"}}",
            "B3|\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7\"|{\"n\":{\"B3\":\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7\"}}"})
    void aChosenTypeIsSentAsThatTag(String tag, String json, String expected) throws Exception {
        assertEquals(expected, tagged("{\"n\":" + json + "}", FlowInputs.Form.PLAIN, Map.of("n", Tag.valueOf(tag))));
    }

    @Test
    void valuesThatDoNotFitTheChosenTypeAreRefusedWithTheReason() {
        ActionFailure negative = assertThrows(ActionFailure.class,
                () -> FlowInputs.parse("{\"n\":-1}", FlowInputs.Form.PLAIN, Map.of("n", Tag.U)));
        assertTrue(negative.sentence().startsWith("The input \"n\" cannot be sent as u64"), negative.sentence());
        ActionFailure shortKey = assertThrows(ActionFailure.class,
                () -> FlowInputs.parse("{\"k\":\"abc\"}", FlowInputs.Form.PLAIN, Map.of("k", Tag.B3)));
        assertTrue(shortKey.sentence().startsWith("The input \"k\" cannot be sent as pubkey"), shortKey.sentence());
    }

    @Test
    void taggedJsonIsCheckedValueByValue() throws Exception {
        assertEquals("{\"x\":{\"U\":\"5\"}}", tagged("{\"x\":{\"U\":\"5\"}}", FlowInputs.Form.TAGGED, null));
        ActionFailure f = assertThrows(ActionFailure.class, () -> FlowInputs.parse("{\"x\":{\"U\":5}}", FlowInputs.Form.TAGGED, null));
        assertTrue(f.sentence().startsWith("The input \"x\" is not a tagged value"), f.sentence());
        ActionFailure plainInTagged = assertThrows(ActionFailure.class, () -> FlowInputs.parse("{\"x\":5}", FlowInputs.Form.TAGGED, null));
        assertTrue(plainInTagged.sentence().contains("one tag key"), plainInTagged.sentence());
    }

    @Test
    void textThatIsNotAnObjectIsOneSentence() {
        ActionFailure notJson = assertThrows(ActionFailure.class, () -> FlowInputs.parse("{amount: 1", FlowInputs.Form.PLAIN, null));
        assertTrue(notJson.sentence().startsWith("The inputs are not JSON: "), notJson.sentence());
        ActionFailure array = assertThrows(ActionFailure.class, () -> FlowInputs.parse("[1]", FlowInputs.Form.PLAIN, null));
        assertEquals("The inputs must be a JSON object of name → value, like {\"amount\": 1.5}.", array.sentence());
    }

    @Test
    void blankMeansNoInputsAndThePreviewIsTheTaggedForm() throws Exception {
        assertTrue(FlowInputs.parse("  ", FlowInputs.Form.PLAIN, null).isEmpty());
        String preview = FlowInputs.taggedText(Map.of("ok", new Value.Bool(true)));
        assertTrue(preview.contains("\"ok\"") && preview.contains("\"B\": true"), preview);
    }
}
