package dev.runlens.protocol;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1756806125.043", "1756806125", "0.0000005", "0.0000004999", "1756806125.9999995",
            "1756806125.123456789", "12.5", "1.000000"})
    void fastEpochSecondsMatchesBigDecimalRounding(String text) {
        assertEquals(Fields.epochSeconds(new BigDecimal(text)), Fields.epochSecondsText(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e9", "-5.0", "1.", ".5", "9999999999999.0", "1.2.3"})
    void otherShapesAreLeftToBigDecimal(String text) {
        assertNull(Fields.epochSecondsText(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-22T08:30:00Z", "2025-11-22T08:30:00.1Z", "2024-02-29T23:59:59.999999999Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    void fastTimeMatchesInstantParse(String text) {
        assertEquals(java.time.Instant.parse(text), FastTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T00:00:00Z", "2025-11-22T24:00:00Z", "2025-11-22T08:30:00+01:00",
            "2025-11-22 08:30:00Z", "2025-11-22T08:30:00.Z", "2025-11-22T08:30:60Z"})
    void fastTimeLeavesOtherShapesToTheGeneralParser(String text) {
        assertNull(FastTime.parse(text));
    }
}
