package dev.runlens.connect;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Lyzr socket URLs: {@code .../ws/{flow_name}/{run_name}}, each segment percent-encoded
 * (space as {@code %20}, never {@code +}), since flow names may contain spaces.
 */
public final class LyzrUrls {
    private LyzrUrls() {
    }

    /** {@code base} is the socket origin, e.g. {@code wss://lao-socket.studio.lyzr.ai}. */
    public static URI of(URI base, String flowName, String runName) {
        String root = base.toString().replaceAll("/+$", "");
        if (!root.endsWith("/ws")) {
            root = root + "/ws";
        }
        return URI.create(root + "/" + encodeSegment(flowName) + "/" + encodeSegment(runName));
    }

    /**
     * Percent-encodes everything but RFC 3986 unreserved characters: the form encoder's output, whose
     * other keepers ({@code +} for a space, {@code *}) are encoded and whose {@code %7E} is {@code ~}.
     */
    public static String encodeSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** Decodes {@code %XX} escapes; a {@code +} stays a plus. Malformed escapes are kept as they are. */
    public static String decodeSegment(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The Lyzr run a socket URL names; throws when the URL does not end in {@code /ws/{flow_name}/{run_name}}. */
    static dev.runlens.protocol.RunRef run(URI url) {
        String[] fr = flowAndRun(url);
        if (fr == null) {
            throw new IllegalArgumentException("a Lyzr URL ends in /ws/{flow_name}/{run_name}");
        }
        return dev.runlens.protocol.RunRef.lyzr(fr[0], fr[1]);
    }

    /** The flow and run names of a Lyzr socket URL, or null when the path is not {@code .../ws/{flow}/{run}}. */
    public static String[] flowAndRun(URI url) {
        String raw = url.getRawPath();
        if (raw == null) {
            return null;
        }
        List<String> segments = Arrays.stream(raw.split("/")).filter(s -> !s.isEmpty()).toList();
        int n = segments.size();
        if (n < 3 || !segments.get(n - 3).equals("ws")) {
            return null;
        }
        return new String[] {decodeSegment(segments.get(n - 2)), decodeSegment(segments.get(n - 1))};
    }
}
