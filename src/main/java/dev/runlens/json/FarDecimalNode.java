package dev.runlens.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.NumericNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number whose exponent is far beyond any real value ({@code 1e400000000}): kept exactly,
 * never expanded. It is written as its scientific text ({@code 1E+400000000}), since plain
 * notation would be hundreds of megabytes of zeros (Jackson's generator refuses it), and never
 * turned into an integer, which would take minutes. Jackson's {@code DecimalNode} does both and
 * its {@code serialize} is final, hence this node. {@link #FAR_SCALE} is where plain writing stops.
 */
final class FarDecimalNode extends NumericNode {
    private static final long serialVersionUID = 1L;

    /** Jackson writes a BigDecimal plainly only within this scale; doubles end near 1e308 anyway. */
    static final int FAR_SCALE = 9999;

    private final BigDecimal value;

    FarDecimalNode(BigDecimal value) {
        this.value = value;
    }

    static boolean isFar(BigDecimal v) {
        return v.scale() > FAR_SCALE || v.scale() < -FAR_SCALE;
    }

    /** Below one in magnitude (the exponent is far negative). */
    private boolean tiny() {
        return value.precision() - (long) value.scale() <= 0;
    }

    @Override
    public JsonToken asToken() {
        return JsonToken.VALUE_NUMBER_FLOAT;
    }

    @Override
    public JsonParser.NumberType numberType() {
        return JsonParser.NumberType.BIG_DECIMAL;
    }

    @Override
    public boolean isFloatingPointNumber() {
        return true;
    }

    @Override
    public boolean isBigDecimal() {
        return true;
    }

    @Override
    public Number numberValue() {
        return value;
    }

    @Override
    public boolean canConvertToInt() {
        return tiny();
    }

    @Override
    public boolean canConvertToLong() {
        return tiny();
    }

    @Override
    public boolean canConvertToExactIntegral() {
        return false;
    }

    @Override
    public int intValue() {
        return 0;  // tiny: truncates to 0; huge: no useful integer (as BigDecimal.intValue would give 0)
    }

    @Override
    public long longValue() {
        return 0;
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();  // 0.0 or an infinity, computed without expanding
    }

    @Override
    public BigDecimal decimalValue() {
        return value;
    }

    /** Zero for a tiny number; a huge one has no useful integer: refused rather than computed. */
    @Override
    public BigInteger bigIntegerValue() {
        if (tiny()) {
            return BigInteger.ZERO;
        }
        throw new ArithmeticException("the number " + value + " is too large to be an integer");
    }

    @Override
    public String asText() {
        return value.toString();
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeNumber(value.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FarDecimalNode f && f.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(doubleValue());
    }
}
