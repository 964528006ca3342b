package dev.runlens.otlp;

import dev.runlens.protocol.RunRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Trace and span ids derived from the run id (SHA-256 of a labelled name), so exporting the same
 * run twice, from a file or live, gives the same trace and the same spans.
 */
public final class TraceIds {
    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {
    }

    /** 32 hex digits, never all zero. */
    public static String traceId(RunRef run) {
        return hex("trace", run, "", 16);
    }

    /** The run's root span: 16 hex digits. */
    public static String rootSpanId(RunRef run) {
        return hex("run", run, "", 8);
    }

    /** The span of one execution (node, times). */
    public static String executionSpanId(RunRef run, String node, int times) {
        return hex("execution", run, node + "\n" + times, 8);
    }

    /** The zero-length span of a node that did not run. */
    public static String notRunSpanId(RunRef run, String node) {
        return hex("not-run", run, node, 8);
    }

    private static String hex(String label, RunRef run, String rest, int bytes) {
        byte[] digest = sha256(label + "\n" + run.source().id() + "\n" + run.runId() + "\n" + rest);
        byte[] id = java.util.Arrays.copyOf(digest, bytes);
        boolean zero = true;
        for (byte b : id) {
            zero &= b == 0;
        }
        if (zero) {
            id[bytes - 1] = 1; // an all-zero id is invalid in OTLP; a 2^-64 chance, still handled
        }
        return HEX.formatHex(id);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
