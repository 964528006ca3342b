package dev.runlens.value;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and writes the F payload the way the server (Rust, ryu) does: "1.5", "1e16", "inf", "NaN". */
final class FloatText {
    private static final Pattern FINITE =
            Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private FloatText() {
    }

    /** The double for a wire string, or null when Rust's parser would reject it. */
    static Double parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> FINITE.matcher(s).matches() ? Double.valueOf(s) : null;
        };
    }

    static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = bd.precision() - bd.scale() - 1;
        if (exponent < -5 || exponent >= 16) {
            String unscaled = bd.unscaledValue().abs().toString();
            String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
            return (bd.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
        }
        String plain = bd.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
