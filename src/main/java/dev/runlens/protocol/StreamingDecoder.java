package dev.runlens.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runlens.json.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path for the frames that make up almost all traffic: Space Operator v2 flow and node
 * events and Lyzr flow/task events. It reads the frame with a streaming parser, builds no tree,
 * and keeps inputs and outputs as raw text. Whenever a frame has anything unusual (another kind,
 * an unexpected type, a field it does not know) it returns null and {@link FrameDecoder} decodes
 * the frame the general way, so both paths always agree.
 */
final class StreamingDecoder {
    private final SpaceOperatorV2Decoder v2;

    StreamingDecoder(SpaceOperatorV2Decoder v2) {
        this.v2 = v2;
    }

    /** The decoded event, or null to fall back to the tree decoder. */
    ProtocolEvent tryDecode(String text) {
        try (JsonParser p = Json.factory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String first = p.nextFieldName();
            if ("stream_id".equals(first) || "event".equals(first) || "data".equals(first)) {
                return spaceOperator(p, text, first);
            }
            if ("event_type".equals(first)) {
                return lyzr(p, text, first);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Fields of a v2 {@code data} object that the fast path understands. */
    private static final class SoData {
        String time;
        String nodeId;
        int times = 0;
        String flowRunId;
        String level;
        String module;
        String content;
        String error;
        List<String> notRun;
        Payload input;
        Payload output;
        String url;
    }

    private ProtocolEvent spaceOperator(JsonParser p, String text, String firstField) throws IOException {
        long streamId = -1;
        String kind = null;
        SoData data = null;
        for (String f = firstField; f != null; f = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "stream_id":
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        return null;
                    }
                    streamId = p.getLongValue();
                    break;
                case "event":
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    kind = p.getText();
                    break;
                case "data":
                    if (t != JsonToken.START_OBJECT) {
                        return null;
                    }
                    data = soData(p, text);
                    if (data == null) {
                        return null;
                    }
                    break;
                default:
                    return null;
            }
        }
        if (p.nextToken() != null || streamId < 0 || kind == null || data == null) {
            return null;
        }
        String runId = data.flowRunId;
        if (runId == null) {
            return null;
        }
        v2.noteStream(streamId, runId);
        Instant time = null;
        if (data.time != null) {
            time = FastTime.parse(data.time);
            if (time == null) {
                return null;
            }
        }
        RunRef run = new RunRef(Source.SPACE_OPERATOR, runId);
        switch (kind) {
            case "FlowStart":
                return new RunEvent.FlowStarted(run, time, null);
            case "FlowLog":
                return new RunEvent.FlowLog(run, time, data.level, data.module, data.content);
            case "FlowError":
                return data.error == null ? null : new RunEvent.FlowError(run, time, data.error, false);
            case "FlowFinish":
                return new RunEvent.FlowFinished(run, time, data.notRun == null ? List.of() : data.notRun, data.output);
            default:
                break;
        }
        if (data.nodeId == null) {
            return null;
        }
        NodeRef node = NodeRef.spaceOperator(data.nodeId, data.times);
        switch (kind) {
            case "NodeStart":
                return new RunEvent.NodeStarted(run, time, node, data.input);
            case "NodeOutput":
                return new RunEvent.NodeOutput(run, time, node, data.output);
            case "NodeError":
                return data.error == null ? null : new RunEvent.NodeError(run, time, node, data.error, false, null);
            case "NodeLog":
                return new RunEvent.NodeLog(run, time, node, data.level, data.module, data.content);
            case "NodeFinish":
                return new RunEvent.NodeFinished(run, time, node, null, null);
            default:
                return null;
        }
    }

    private static SoData soData(JsonParser p, String text) throws IOException {
        SoData d = new SoData();
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                if (f.equals("input") || f.equals("output") || f.equals("error") || f.equals("not_run")) {
                    return null;
                }
                continue;
            }
            switch (f) {
                case "time":
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    d.time = p.getText();
                    break;
                case "node_id":
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    d.nodeId = p.getText();
                    break;
                case "times":
                    if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
                        return null;
                    }
                    d.times = p.getIntValue();
                    break;
                case "flow_run_id":
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    d.flowRunId = p.getText();
                    break;
                case "level":
                case "module":
                case "content":
                case "url":
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    String v = p.getText();
                    if (f.equals("level")) {
                        d.level = v;
                    } else if (f.equals("module")) {
                        d.module = v;
                    } else if (f.equals("content")) {
                        d.content = v;
                    } else {
                        d.url = v;
                    }
                    break;
                case "error":
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    d.error = p.getText();
                    break;
                case "not_run":
                    if (t != JsonToken.START_ARRAY) {
                        return null;
                    }
                    List<String> list = new ArrayList<>();
                    JsonToken item;
                    while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (item != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        list.add(p.getText());
                    }
                    d.notRun = list;
                    break;
                case "input":
                case "output":
                    if (t != JsonToken.START_OBJECT) {
                        return null;
                    }
                    Payload payload = Payload.ofRaw(raw(p, text), true);
                    if (f.equals("input")) {
                        d.input = payload;
                    } else {
                        d.output = payload;
                    }
                    break;
                default:
                    return null;
            }
        }
        return d;
    }

    /** The text of the object or array starting at the current token, checked by the parser. */
    private static String raw(JsonParser p, String text) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getCharOffset();
        if (start < 0 || end > text.length() || end <= start) {
            throw new IOException("no location");
        }
        return text.substring(start, end);
    }

    private static ProtocolEvent lyzr(JsonParser p, String text, String firstField) throws IOException {
        String type = null;
        String flow = null;
        String runName = null;
        String taskId = null;
        String taskName = null;
        String message = null;
        String timestamp = null;
        Double executionTime = null;
        Payload input = null;
        Payload output = null;
        Payload results = null;
        boolean hasOutputField = false;
        for (String f = firstField; f != null; f = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "event_type":
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    type = p.getText();
                    break;
                case "flow_name":
                case "run_name":
                case "task_name":
                case "task_id":
                case "message":
                    if (t == JsonToken.VALUE_NULL) {
                        break;
                    }
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    String v = p.getText();
                    switch (f) {
                        case "flow_name" -> flow = v;
                        case "run_name" -> runName = v;
                        case "task_name" -> taskName = v;
                        case "task_id" -> taskId = v;
                        default -> message = v;
                    }
                    break;
                case "timestamp":
                    if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                        return null;
                    }
                    timestamp = p.getText();
                    break;
                case "execution_time":
                    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                        executionTime = p.getDoubleValue();
                    } else {
                        return null;
                    }
                    break;
                case "input":
                case "output":
                case "results":
                    Payload payload;
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        payload = Payload.ofRaw(raw(p, text), false);
                    } else {
                        return null;
                    }
                    if (f.equals("input")) {
                        input = payload;
                    } else if (f.equals("output")) {
                        output = payload;
                        hasOutputField = true;
                    } else {
                        results = payload;
                    }
                    break;
                case "error":
                case "type":
                    return null;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if (p.nextToken() != null || type == null || flow == null || runName == null) {
            return null;
        }
        if (message != null && message.startsWith("Echoing:")) {
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
        switch (type) {
            case "flow_started":
                return new RunEvent.FlowStarted(run, time, message);
            case "task_started":
                return taskName == null ? null : new RunEvent.NodeStarted(run, time, NodeRef.lyzr(taskName, taskId), input);
            case "task_completed":
                return taskName == null ? null
                        : new RunEvent.NodeFinished(run, time, NodeRef.lyzr(taskName, taskId), output, executionTime);
            case "flow_completed":
                return new RunEvent.FlowFinished(run, time, List.of(), hasOutputField ? output : results);
            default:
                return null;
        }
    }
}
