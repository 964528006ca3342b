package dev.runlens.value;

import java.math.BigInteger;
import java.util.Arrays;

/** Bitcoin-alphabet base58, as used for Solana public keys and signatures. */
public final class Base58 {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEX = new int[128];
    private static final BigInteger BASE = BigInteger.valueOf(58);

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEX[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET[qr[1].intValue()]);
            n = qr[0];
        }
        for (int i = 0; i < zeros; i++) {
            sb.append(ALPHABET[0]);
        }
        return sb.reverse().toString();
    }

    /** The bytes, or null when the text has a character outside the alphabet. */
    public static byte[] decode(String text) {
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEX[c] : -1;
            if (digit < 0) {
                return null;
            }
            if (leading && digit == 0) {
                zeros++;
                continue;
            }
            leading = false;
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] body = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int skip = body.length > 0 && body[0] == 0 ? 1 : 0;  // toByteArray's sign byte
        byte[] out = new byte[zeros + body.length - skip];
        System.arraycopy(body, skip, out, zeros, body.length - skip);
        return out;
    }
}
