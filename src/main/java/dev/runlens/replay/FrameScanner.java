package dev.runlens.replay;

import dev.runlens.protocol.FastTime;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The indexing fast path for the bulk of Space Operator v2 traffic: pulls stream, kind, time,
 * node, times and run out of a FlowStart/FlowLog/NodeStart/NodeOutput/NodeLog/NodeFinish frame
 * with a streaming parser, skipping inputs and outputs without building trees. Accepts a frame
 * only when the full decoder would read it the same way (all fields of the expected types, no
 * duplicates, an explicit flow_run_id); anything else returns false and takes the full decoder.
 */
final class FrameScanner {
    /** What the fast path read from one frame. */
    record Scanned(long stream, EntryKind kind, Instant time, String node, int times, String runId) {
    }

    private long stream;
    private EntryKind kind;
    private Instant time;
    private String node;
    private int times;
    private String runId;

    /** The frame's fields, or null when the full decoder must read it. */
    Scanned scan(String text) {
        if (text == null) {
            return null;
        }
        try (JsonParser p = FastJson.FACTORY.createParser(text)) {
            return read(p) ? new Scanned(stream, kind, time, node, times, runId) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** As {@link #scan(String)} for a frame held as UTF-8 bytes. */
    Scanned scan(byte[] b, int offset, int length) {
        if (length < 2 || b[offset] != '{' || b[offset + 1] == 0) {
            return null;  // leave anything else (and Jackson's UTF-16/32 detection) to the String path
        }
        try (JsonParser p = FastJson.FACTORY.createParser(b, offset, length)) {
            return read(p) ? new Scanned(stream, kind, time, node, times, runId) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean read(JsonParser p) throws IOException {
        kind = null;
        time = null;
        node = null;
        times = 0;
        runId = null;
        boolean haveStream = false;
        boolean haveData = false;
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "stream_id":
                    if (haveStream || v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return false;
                    }
                    stream = p.getLongValue();
                    haveStream = true;
                    break;
                case "event":
                    if (kind != null || v != JsonToken.VALUE_STRING) {
                        return false;
                    }
                    kind = lightKind(p.getText());
                    if (kind == null) {
                        return false;
                    }
                    break;
                case "data":
                    if (haveData || v != JsonToken.START_OBJECT || !data(p)) {
                        return false;
                    }
                    haveData = true;
                    break;
                case "event_type", "sub_id", "id":
                    return false;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if (t != JsonToken.END_OBJECT || !haveStream || kind == null || !haveData || runId == null) {
            return false;
        }
        return !kind.isNodeEvent() || node != null;
    }

    private boolean data(JsonParser p) throws IOException {
        boolean seenTime = false;
        boolean seenTimes = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "time":
                    if (seenTime) {
                        return false;
                    }
                    seenTime = true;
                    if (v == JsonToken.VALUE_STRING) {
                        try {
                            time = FastTime.parseOrThrow(p.getText());
                        } catch (DateTimeParseException e) {
                            return false;
                        }
                    } else if (v != JsonToken.VALUE_NULL) {
                        return false;
                    }
                    break;
                case "node_id":
                    if (node != null || v != JsonToken.VALUE_STRING) {
                        return false;
                    }
                    node = p.getText();
                    break;
                case "times":
                    if (seenTimes) {
                        return false;
                    }
                    seenTimes = true;
                    if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT && p.getIntValue() >= 0) {
                        times = p.getIntValue();
                    } else if (v != JsonToken.VALUE_NULL) {
                        return false;
                    }
                    break;
                case "flow_run_id":
                    if (runId != null || v != JsonToken.VALUE_STRING) {
                        return false;
                    }
                    runId = p.getText();
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        return t == JsonToken.END_OBJECT;
    }

    private static EntryKind lightKind(String event) {
        switch (event) {
            case "FlowStart":
                return EntryKind.FLOW_STARTED;
            case "FlowLog":
                return EntryKind.FLOW_LOG;
            case "NodeStart":
                return EntryKind.NODE_STARTED;
            case "NodeOutput":
                return EntryKind.NODE_OUTPUT;
            case "NodeLog":
                return EntryKind.NODE_LOG;
            case "NodeFinish":
                return EntryKind.NODE_FINISHED;
            default:
                return null;
        }
    }
}
