package dev.runlens.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;

import java.math.BigDecimal;

/**
 * Jackson's node factory with exact decimals, except that a number with an absurd exponent
 * ({@code 1e400000000}, 84 bytes in a frame) becomes a {@link FarDecimalNode}: writing or
 * converting it as a plain decimal would take minutes and gigabytes.
 */
final class BoundedNodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    BoundedNodeFactory() {
        super(true);
    }

    @Override
    public ValueNode numberNode(BigDecimal v) {
        if (v != null && FarDecimalNode.isFar(v)) {
            return new FarDecimalNode(v);
        }
        return super.numberNode(v);
    }
}
