package dev.runlens.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class Base58Test {

    @Test
    void knownVectors() {
        assertEquals("StV1DL6CwTryKyV", Base58.encode("hello world".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("1111", Base58.encode(new byte[4]));
        assertEquals("", Base58.encode(new byte[0]));
        assertEquals("11", Base58.encode(new byte[]{0, 0}));
        assertEquals("1112", Base58.encode(new byte[]{0, 0, 0, 1}));
    }

    @Test
    void decodeInvertsEncodeIncludingLeadingZeros() {
        byte[][] samples = {new byte[32], {0, 0, 5, (byte) 255}, {(byte) 0x80}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
        for (byte[] s : samples) {
            assertArrayEquals(s, Base58.decode(Base58.encode(s)));
        }
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        assertNull(Base58.decode("0abc"));
        assertNull(Base58.decode("abcl"));
        assertNull(Base58.decode("ab é"));
    }
}
