package dev.runlens.protocol;

import dev.runlens.protocol.AsciiJsonReader.Reject;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The one fast path, for the frames that make up almost all traffic: Space Operator v2 flow and
 * node events and Lyzr flow/task events written in plain ASCII. It reads the frame's bytes with
 * {@link AsciiJsonReader}: no parser object, no tokens, no tree (JFR showed Jackson's per-frame
 * parser set-up, its buffers and strings as most of the time of a large summary). Inputs and
 * outputs stay raw text. On anything unusual (another kind, an unexpected type, a field it does
 * not know, a byte outside ASCII) it returns null before any side effect and {@link FrameDecoder}
 * decodes the frame with the tree decoders; {@code FastPathEqualityTest} holds both equal.
 * Not thread-safe, like {@link FrameDecoder}.
 */
final class AsciiFrameDecoder {
    private static final byte[][] FIRST_FIELDS = ascii("stream_id", "event", "data", "event_type");
    private static final int STREAM_ID = 0;
    private static final int EVENT = 1;
    private static final int DATA = 2;
    private static final int EVENT_TYPE = 3;

    private static final byte[][] KINDS = ascii("FlowStart", "FlowLog", "FlowError", "FlowFinish",
            "NodeStart", "NodeOutput", "NodeError", "NodeLog", "NodeFinish");
    private static final int FLOW_START = 0;
    private static final int FLOW_LOG = 1;
    private static final int FLOW_ERROR = 2;
    private static final int FLOW_FINISH = 3;
    private static final int NODE_START = 4;
    private static final int NODE_OUTPUT = 5;
    private static final int NODE_ERROR = 6;
    private static final int NODE_LOG = 7;

    private static final byte[][] DATA_FIELDS = ascii("time", "node_id", "times", "flow_run_id", "level",
            "module", "content", "url", "error", "not_run", "input", "output");
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

    private final SpaceOperatorV2Decoder v2;
    private final AsciiJsonReader in = new AsciiJsonReader();
    private final LyzrFrame lyzr = new LyzrFrame(in);
    private final RunRef[] recentRuns = new RunRef[8];
    private int nextRun;

    // What the v2 data object held (reset for every data object: a second one replaces the first).
    private int timeFrom = -1;  // the time's text, b[timeFrom..timeTo) of the frame's bytes
    private int timeTo;
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
    }

    private static byte[][] ascii(String... names) {
        byte[][] out = new byte[names.length][];
        for (int k = 0; k < names.length; k++) {
            out[k] = names[k].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** The decoded event, or null to leave the frame to the tree decoders. */
    ProtocolEvent tryDecode(String frame) {
        return in.start(frame) ? decodeStarted() : null;
    }

    /** The same for the frame's ASCII bytes {@code frame[from..to)}, which are not kept. */
    ProtocolEvent tryDecode(byte[] frame, int from, int to) {
        return in.start(frame, from, to) ? decodeStarted() : null;
    }

    private ProtocolEvent decodeStarted() {
        try {
            in.ws();
            in.expect('{');
            in.ws();
            int first = in.fieldName(FIRST_FIELDS);
            if (first == EVENT_TYPE) {
                return lyzr.decode();
            }
            return first < 0 ? null : spaceOperator(first);
        } catch (Reject | IndexOutOfBoundsException | ArithmeticException | NumberFormatException e) {
            // NumberFormatException: an exponent beyond a BigDecimal's scale (1e2147483648); the tree reports it.
            return null;
        } finally {
            in.end();
            clearData();
        }
    }

    private ProtocolEvent spaceOperator(int first) {
        long streamId = -1;
        int kind = -1;
        boolean haveData = false;
        int field = first;
        while (true) {
            switch (field) {
                case STREAM_ID -> streamId = in.unsignedLong();
                case EVENT -> kind = in.oneOf(KINDS);
                case DATA -> {
                    data();
                    haveData = true;
                }
                default -> throw Reject.INSTANCE;
            }
            if (!in.more('}')) {
                break;
            }
            field = in.fieldName(FIRST_FIELDS);
        }
        if (!in.atEnd() || streamId < 0 || kind < 0 || !haveData || flowRunId == null) {
            return null;
        }
        Instant t = null;
        if (timeFrom >= 0) {
            t = FastTime.parse(in.bytes(), timeFrom, timeTo);
            if (t == null) {
                return null;
            }
        }
        ProtocolEvent event = event(kind, t);
        if (event != null) {
            v2.noteStream(streamId, flowRunId);
        }
        return event;
    }

    private ProtocolEvent event(int kind, Instant t) {
        RunRef run = runRef(flowRunId);
        return switch (kind) {
            case FLOW_START -> new RunEvent.FlowStarted(run, t, null);
            case FLOW_LOG -> new RunEvent.FlowLog(run, t, level, module, content);
            case FLOW_ERROR -> error == null ? null : new RunEvent.FlowError(run, t, error, false);
            case FLOW_FINISH -> new RunEvent.FlowFinished(run, t, notRun == null ? List.of() : notRun, output);
            default -> nodeId == null ? null : nodeEvent(kind, run, NodeRef.spaceOperator(nodeId, times), t);
        };
    }

    private ProtocolEvent nodeEvent(int kind, RunRef run, NodeRef node, Instant t) {
        return switch (kind) {
            case NODE_START -> new RunEvent.NodeStarted(run, t, node, input);
            case NODE_OUTPUT -> new RunEvent.NodeOutput(run, t, node, output);
            case NODE_ERROR -> error == null ? null : new RunEvent.NodeError(run, t, node, error, false, null);
            case NODE_LOG -> new RunEvent.NodeLog(run, t, node, level, module, content);
            default -> new RunEvent.NodeFinished(run, t, node, null, null);
        };
    }

    /** The same reference for the same (table-given) run id, for the last few runs. */
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
        timeFrom = -1;
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

    private void data() {
        clearData();
        in.expect('{');
        in.ws();
        if (in.at('}')) {
            in.expect('}');
            return;
        }
        do {
            int field = in.fieldName(DATA_FIELDS);
            if (in.skipNull()) {
                // A null is skipped, except where the tree decoder has its own rules.
                if (field == INPUT || field == OUTPUT || field == ERROR || field == NOT_RUN) {
                    throw Reject.INSTANCE;
                }
                continue;
            }
            switch (field) {
                case TIME -> {
                    timeFrom = in.plainStringStart();
                    if (timeFrom < 0) {
                        throw Reject.INSTANCE;  // rare: an escape in a time
                    }
                    timeTo = in.position() - 1;
                }
                case NODE_ID -> nodeId = in.id();
                case TIMES -> times = in.unsignedInt();
                case FLOW_RUN_ID -> flowRunId = in.id();
                case LEVEL -> level = in.string();
                case MODULE -> module = in.string();
                case CONTENT -> content = in.string();
                case URL -> in.string();
                case ERROR -> error = in.string();
                case NOT_RUN -> notRun = in.strings();
                case INPUT -> input = Payload.ofRaw(in.raw(false), true);
                case OUTPUT -> output = Payload.ofRaw(in.raw(false), true);
                default -> throw Reject.INSTANCE;
            }
        } while (in.more('}'));
    }

    /** Lyzr's flat frames, after their first field, {@code event_type}. */
    private static final class LyzrFrame {
        private static final byte[][] FIELDS = ascii("event_type", "flow_name", "run_name", "task_name",
                "task_id", "message", "timestamp", "execution_time", "input", "output", "results", "error", "type");
        private static final byte[][] TYPES = ascii("flow_started", "task_started", "task_completed",
                "flow_completed");

        private final AsciiJsonReader in;

        LyzrFrame(AsciiJsonReader in) {
            this.in = in;
        }

        ProtocolEvent decode() {
            int type = -1;
            String[] texts = new String[6];  // by field index: flow_name 1 .. message 5
            String timestamp = null;
            Double executionTime = null;
            Payload input = null;
            Payload output = null;
            Payload results = null;
            boolean hasOutput = false;
            int field = 0;
            while (true) {
                switch (field) {
                    case 0 -> type = in.oneOf(TYPES);
                    case 1, 2, 3, 4, 5 -> {
                        if (!in.skipNull()) {
                            texts[field] = in.string();
                        }
                    }
                    case 6 -> timestamp = in.numberText();
                    case 7 -> executionTime = number(in.numberText(), in.integral());
                    case 8 -> input = Payload.ofRaw(in.raw(true), false);
                    case 9 -> {
                        output = Payload.ofRaw(in.raw(true), false);
                        hasOutput = true;
                    }
                    case 10 -> results = Payload.ofRaw(in.raw(true), false);
                    case 11, 12 -> throw Reject.INSTANCE;
                    default -> in.skipValue(0);
                }
                if (!in.more('}')) {
                    break;
                }
                field = in.fieldName(FIELDS);
            }
            String flow = texts[1];
            String runName = texts[2];
            String taskName = texts[3];
            String message = texts[5];
            if (!in.atEnd() || type < 0 || flow == null || runName == null
                    || message != null && message.startsWith("Echoing:")) {
                return null;
            }
            Instant time = null;
            if (timestamp != null) {
                time = Fields.epochSecondsText(timestamp);
                if (time == null) {
                    time = Fields.epochSeconds(new BigDecimal(timestamp));
                }
                if (time == null) {
                    return null;
                }
            }
            RunRef run = RunRef.lyzr(flow, runName);
            return switch (type) {
                case 0 -> new RunEvent.FlowStarted(run, time, message);
                case 1 -> taskName == null ? null : new RunEvent.NodeStarted(run, time, NodeRef.lyzr(taskName, texts[4]), input);
                case 2 -> taskName == null ? null
                        : new RunEvent.NodeFinished(run, time, NodeRef.lyzr(taskName, texts[4]), output, executionTime);
                default -> new RunEvent.FlowFinished(run, time, List.of(), hasOutput ? output : results);
            };
        }

        /** As the tree gives it: an integer through long, a decimal through BigDecimal. */
        private static Double number(String text, boolean integral) {
            if (!integral) {
                return new BigDecimal(text).doubleValue();
            }
            if (text.length() > 18) {
                throw Reject.INSTANCE;
            }
            return (double) Long.parseLong(text);
        }
    }
}
