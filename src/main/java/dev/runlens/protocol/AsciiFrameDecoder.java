package dev.runlens.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fastest path for Space Operator v2 frames written in plain ASCII: a hand-written reader
 * over the frame's bytes, with no parser object and no token objects per frame (JFR showed
 * Jackson's per-frame parser, its char buffers and token dispatch as most of the decoding time
 * of a large log). It accepts exactly the frames {@link StreamingDecoder} accepts with strict
 * RFC 8259 syntax, and builds the same events from them; on anything else (another protocol, a
 * byte outside ASCII, an escape in a field name, a field it does not know, unusual whitespace or
 * numbers, very deep payloads) it returns null, before any side effect, and the frame takes
 * {@link StreamingDecoder}, then the tree decoder. Not thread-safe, like {@link FrameDecoder}.
 */
final class AsciiFrameDecoder {
    /** Deeper payloads are left to Jackson, whose limit ({@code Json.MAX_NESTING_DEPTH}) is higher. */
    private static final int MAX_DEPTH = 200;

    private static final byte[][] KINDS = ascii("FlowStart", "FlowLog", "FlowError", "FlowFinish", "NodeStart",
            "NodeOutput", "NodeError", "NodeLog", "NodeFinish");
    private static final int FLOW_START = 0;
    private static final int FLOW_LOG = 1;
    private static final int FLOW_ERROR = 2;
    private static final int FLOW_FINISH = 3;
    private static final int NODE_START = 4;
    private static final int NODE_OUTPUT = 5;
    private static final int NODE_ERROR = 6;
    private static final int NODE_LOG = 7;
    private static final int NODE_FINISH = 8;

    private static final byte[][] DATA_FIELDS = ascii("time", "node_id", "times", "flow_run_id", "level", "module",
            "content", "url", "error", "not_run", "input", "output");
    private static final int TIME = 0;
    private static final int NODE_ID = 1;
    private static final int TIMES = 2;
    private static final int FLOW_RUN_ID = 3;
    private static final int LEVEL = 4;
    private static final int MODULE = 5;
    private static final int CONTENT = 6;
    private static final int URL = 7;
    private static final int ERROR = 8;
    private static final int NOT_RUN = 9;
    private static final int INPUT = 10;
    private static final int OUTPUT = 11;

    private static final byte[][] TOP_FIELDS = ascii("stream_id", "event", "data");

    private final SpaceOperatorV2Decoder v2;
    private final AsciiStrings ids = new AsciiStrings();
    private final RunRef[] recentRuns = new RunRef[8];
    private int nextRun;

    // The frame being read: its text (for substrings, offsets equal since it is ASCII), its bytes, the cursor.
    private String text;
    private byte[] b;
    private int n;
    private int i;
    private boolean lastEscaped;  // whether the string stringEnd() last passed had an escape

    // What the data object held (reset for every data object, like StreamingDecoder's SoData).
    private int timeStart;
    private int timeEnd;
    private String nodeId;
    private int times;
    private String flowRunId;
    private String level;
    private String module;
    private String content;
    private String error;
    private List<String> notRun;
    private Payload input;
    private Payload output;

    AsciiFrameDecoder(SpaceOperatorV2Decoder v2) {
        this.v2 = v2;
        clearData();
    }

    /** The decoded event, or null for the other paths. */
    ProtocolEvent tryDecode(String frame) {
        if (frame.length() < 2) {
            return null;
        }
        // Anything outside ASCII becomes '?' (one for a surrogate pair, hence the length check);
        // stringEnd() checks each '?' against the text, and '?' is a syntax error outside strings.
        byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != frame.length()) {
            return null;
        }
        text = frame;
        b = bytes;
        n = bytes.length;
        i = 0;
        try {
            return spaceOperator();
        } catch (Reject | IndexOutOfBoundsException e) {
            return null;
        } finally {
            text = null;
            b = null;
            clearData();
        }
    }

    private ProtocolEvent spaceOperator() {
        ws();
        expect('{');
        ws();
        long streamId = -1;
        int kind = -1;
        boolean haveData = false;
        if (b[i] != '}') {
            while (true) {
                int field = fieldName(TOP_FIELDS);
                ws();
                expect(':');
                ws();
                switch (field) {
                    case 0 -> streamId = unsignedLong();
                    case 1 -> kind = kind();
                    case 2 -> {
                        data();
                        haveData = true;
                    }
                    default -> throw Reject.INSTANCE;
                }
                ws();
                if (b[i] == ',') {
                    i++;
                    ws();
                    continue;
                }
                expect('}');
                break;
            }
        } else {
            i++;
        }
        ws();
        if (i != n || streamId < 0 || kind < 0 || !haveData || flowRunId == null) {
            return null;
        }
        Instant time = null;
        if (timeStart >= 0) {
            time = FastTime.parse(b, timeStart, timeEnd);
            if (time == null) {
                return null;
            }
        }
        ProtocolEvent event = event(kind, time);
        if (event != null) {
            v2.noteStream(streamId, flowRunId);
        }
        return event;
    }

    private ProtocolEvent event(int kind, Instant time) {
        RunRef run = runRef(flowRunId);
        switch (kind) {
            case FLOW_START:
                return new RunEvent.FlowStarted(run, time, null);
            case FLOW_LOG:
                return new RunEvent.FlowLog(run, time, level, module, content);
            case FLOW_ERROR:
                return error == null ? null : new RunEvent.FlowError(run, time, error, false);
            case FLOW_FINISH:
                return new RunEvent.FlowFinished(run, time, notRun == null ? List.of() : notRun, output);
            default:
                break;
        }
        if (nodeId == null) {
            return null;
        }
        NodeRef node = NodeRef.spaceOperator(nodeId, times);
        switch (kind) {
            case NODE_START:
                return new RunEvent.NodeStarted(run, time, node, input);
            case NODE_OUTPUT:
                return new RunEvent.NodeOutput(run, time, node, output);
            case NODE_ERROR:
                return error == null ? null : new RunEvent.NodeError(run, time, node, error, false, null);
            case NODE_LOG:
                return new RunEvent.NodeLog(run, time, node, level, module, content);
            default:
                return new RunEvent.NodeFinished(run, time, node, null, null);
        }
    }

    /** The same reference for the same (interned) run id, for the last few runs. */
    private RunRef runRef(String runId) {
        for (RunRef r : recentRuns) {
            if (r != null && r.runId() == runId) {
                return r;
            }
        }
        RunRef r = new RunRef(Source.SPACE_OPERATOR, runId);
        recentRuns[nextRun++ & (recentRuns.length - 1)] = r;
        return r;
    }

    private void clearData() {
        timeStart = -1;
        timeEnd = -1;
        nodeId = null;
        times = 0;
        flowRunId = null;
        level = null;
        module = null;
        content = null;
        error = null;
        notRun = null;
        input = null;
        output = null;
    }

    /** The data object; a second one replaces the first, as in StreamingDecoder. */
    private void data() {
        clearData();
        expect('{');
        ws();
        if (b[i] == '}') {
            i++;
            return;
        }
        while (true) {
            int field = fieldName(DATA_FIELDS);
            ws();
            expect(':');
            ws();
            if (isNull()) {
                // A null is skipped, except where the general decoder has its own rules.
                if (field == INPUT || field == OUTPUT || field == ERROR || field == NOT_RUN) {
                    throw Reject.INSTANCE;
                }
                i += 4;
            } else {
                switch (field) {
                    case TIME -> {
                        int start = stringEnd();
                        if (lastEscaped) {
                            throw Reject.INSTANCE;  // rare; StreamingDecoder unescapes it
                        }
                        timeStart = start + 1;
                        timeEnd = i - 1;
                    }
                    case NODE_ID -> nodeId = id();
                    case TIMES -> times = unsignedInt();
                    case FLOW_RUN_ID -> flowRunId = id();
                    case LEVEL -> level = string();
                    case MODULE -> module = string();
                    case CONTENT -> content = string();
                    case URL -> stringEnd();
                    case ERROR -> error = string();
                    case NOT_RUN -> notRun = strings();
                    case INPUT -> input = payload();
                    case OUTPUT -> output = payload();
                    default -> throw Reject.INSTANCE;
                }
            }
            ws();
            if (b[i] == ',') {
                i++;
                ws();
                continue;
            }
            expect('}');
            return;
        }
    }

    private boolean isNull() {
        return b[i] == 'n' && i + 4 <= n && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l' && endsValue(i + 4);
    }

    /** A tagged value: an object, kept as its text, checked here as the parser would. */
    private Payload payload() {
        if (b[i] != '{') {
            throw Reject.INSTANCE;
        }
        int start = i;
        skipValue(0);
        return Payload.ofRaw(text.substring(start, i), true);
    }

    private List<String> strings() {
        expect('[');
        ws();
        List<String> list = new ArrayList<>();
        if (b[i] == ']') {
            i++;
            return list;
        }
        while (true) {
            list.add(string());
            ws();
            if (b[i] == ',') {
                i++;
                ws();
                continue;
            }
            expect(']');
            return list;
        }
    }

    /** Which of {@code names} the field name at the cursor is, or -1; escapes in names are left to Jackson. */
    private int fieldName(byte[][] names) {
        int start = stringEnd();
        if (lastEscaped) {
            throw Reject.INSTANCE;
        }
        int from = start + 1;
        int length = i - 1 - from;
        for (int k = 0; k < names.length; k++) {
            byte[] name = names[k];
            if (name.length == length && same(name, from)) {
                return k;
            }
        }
        return -1;  // unknown names: the field's value decides (null is skipped, else reject)
    }

    private int kind() {
        int start = stringEnd();
        int from = start + 1;
        int length = i - 1 - from;
        for (int k = 0; k < KINDS.length; k++) {
            if (KINDS[k].length == length && same(KINDS[k], from)) {
                return k;
            }
        }
        throw Reject.INSTANCE;  // another kind (or an escaped one): the other paths know it
    }

    private boolean same(byte[] name, int from) {
        for (int k = 0; k < name.length; k++) {
            if (b[from + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** A run or node id: a string value, one instance per text (see {@link AsciiStrings}). */
    private String id() {
        int start = stringEnd();
        return lastEscaped ? unescape(start + 1, i - 1) : ids.get(b, start + 1, i - 1, text);
    }

    /** A string value as its text, unescaped. */
    private String string() {
        int start = stringEnd();
        return lastEscaped ? unescape(start + 1, i - 1) : text.substring(start + 1, i - 1);
    }

    private String unescape(int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        int k = from;
        while (k < to) {
            byte c = b[k++];
            if (c != '\\') {
                s.append((char) c);
                continue;
            }
            byte e = b[k++];
            switch (e) {
                case '"', '\\', '/' -> s.append((char) e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                default -> {  // 'u', checked by stringEnd
                    s.append((char) ((hex(b[k]) << 12) | (hex(b[k + 1]) << 8) | (hex(b[k + 2]) << 4) | hex(b[k + 3])));
                    k += 4;
                }
            }
        }
        return s.toString();
    }

    /**
     * Checks the string at the cursor (which must start with a quote) and moves past its closing
     * quote; returns where it started. Control characters, bad escapes and an unterminated string
     * reject the frame.
     */
    private int stringEnd() {
        int start = i;
        if (b[i] != '"') {
            throw Reject.INSTANCE;
        }
        i++;
        lastEscaped = false;
        while (true) {
            byte c = b[i++];
            if (c == '"') {
                return start;
            }
            if (c < 0x20 || c == '?' && text.charAt(i - 1) != '?') {
                throw Reject.INSTANCE;
            }
            if (c == '\\') {
                lastEscaped = true;
                byte e = b[i++];
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                    }
                    case 'u' -> {
                        for (int k = 0; k < 4; k++) {
                            if (hex(b[i++]) < 0) {
                                throw Reject.INSTANCE;
                            }
                        }
                    }
                    default -> throw Reject.INSTANCE;
                }
            }
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** A non-negative integer of at most 18 digits without a leading zero (else left to Jackson). */
    private long unsignedLong() {
        int start = i;
        long v = 0;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i++] - '0');
        }
        int digits = i - start;
        if (digits == 0 || digits > 18 || (digits > 1 && b[start] == '0') || !endsValue(i)) {
            throw Reject.INSTANCE;
        }
        return v;
    }

    /** {@code times}: a non-negative int, as Jackson's {@code NumberType.INT}. */
    private int unsignedInt() {
        long v = unsignedLong();
        if (v > Integer.MAX_VALUE) {
            throw Reject.INSTANCE;
        }
        return (int) v;
    }

    /** What may follow a number or literal: the next token or whitespace. */
    private boolean endsValue(int at) {
        if (at >= n) {
            return false;  // the frame cannot end inside an object
        }
        byte c = b[at];
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Checks any JSON value at the cursor (RFC 8259, as Jackson's default features read it) and moves past it. */
    private void skipValue(int depth) {
        byte c = b[i];
        switch (c) {
            case '{' -> {
                if (depth >= MAX_DEPTH) {
                    throw Reject.INSTANCE;
                }
                i++;
                ws();
                if (b[i] == '}') {
                    i++;
                    return;
                }
                while (true) {
                    stringEnd();
                    ws();
                    expect(':');
                    ws();
                    skipValue(depth + 1);
                    ws();
                    if (b[i] == ',') {
                        i++;
                        ws();
                        continue;
                    }
                    expect('}');
                    return;
                }
            }
            case '[' -> {
                if (depth >= MAX_DEPTH) {
                    throw Reject.INSTANCE;
                }
                i++;
                ws();
                if (b[i] == ']') {
                    i++;
                    return;
                }
                while (true) {
                    skipValue(depth + 1);
                    ws();
                    if (b[i] == ',') {
                        i++;
                        ws();
                        continue;
                    }
                    expect(']');
                    return;
                }
            }
            case '"' -> stringEnd();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (b[i++] != word.charAt(k)) {
                throw Reject.INSTANCE;
            }
        }
        if (!endsValue(i)) {
            throw Reject.INSTANCE;
        }
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, at most 100 characters. */
    private void number() {
        int start = i;
        if (b[i] == '-') {
            i++;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            digits();
        } else {
            throw Reject.INSTANCE;
        }
        if (b[i] == '.') {
            i++;
            if (digits() == 0) {
                throw Reject.INSTANCE;
            }
        }
        if (b[i] == 'e' || b[i] == 'E') {
            i++;
            if (b[i] == '+' || b[i] == '-') {
                i++;
            }
            if (digits() == 0) {
                throw Reject.INSTANCE;
            }
        }
        if (i - start > 100 || !endsValue(i)) {
            throw Reject.INSTANCE;
        }
    }

    private int digits() {
        int start = i;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - start;
    }

    private void ws() {
        while (i < n) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private void expect(char c) {
        if (b[i] != c) {
            throw Reject.INSTANCE;
        }
        i++;
    }

    private static byte[][] ascii(String... names) {
        byte[][] out = new byte[names.length][];
        for (int k = 0; k < names.length; k++) {
            out[k] = names[k].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** Leaves the frame to the other paths; thrown often enough on odd input to carry no stack. */
    private static final class Reject extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Reject INSTANCE = new Reject();

        private Reject() {
            super(null, null, false, false);
        }
    }
}
