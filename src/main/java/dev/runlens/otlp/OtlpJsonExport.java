package dev.runlens.otlp;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionMeta;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import io.opentelemetry.exporter.logging.otlp.internal.traces.OtlpStdoutSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code export --format otlp}: logs to OTLP/JSON as an OpenTelemetry collector's file receiver
 * ({@code otlpjsonfile}) reads it, one {@code ExportTraceServiceRequest} object per line and one
 * line per run. The JSON is written by the SDK's OTLP stdout exporter, not by us.
 */
public final class OtlpJsonExport {
    private OtlpJsonExport() {
    }

    /** The traces of every run in {@code inputs} (read as one session, as {@code summary} reads them); returns the runs written. */
    public static int write(List<Path> inputs, PayloadPolicy payloads, OutputStream out) throws IOException {
        TraceCollector collector = new TraceCollector(payloads);
        List<List<SpanData>> runs = new ArrayList<>();
        for (Path input : inputs) {
            read(input, collector, runs);
        }
        runs.addAll(collector.flushOpenByRun());
        SpanExporter exporter = OtlpStdoutSpanExporter.builder().setOutput(out).setWrapperJsonObject(true).build();
        try {
            for (List<SpanData> spans : runs) {
                CompletableResultCode result = exporter.export(spans).join(1, TimeUnit.MINUTES);
                if (!result.isSuccess()) {
                    throw new IOException("the OTLP/JSON writer failed" + (result.getFailureThrowable() == null ? ""
                            : " (" + result.getFailureThrowable().getMessage() + ")"));
                }
            }
        } finally {
            exporter.flush().join(1, TimeUnit.MINUTES);
        }
        return runs.size();
    }

    /** Reads one log; each run that ends adds its spans to {@code runs}. */
    private static void read(Path input, TraceCollector collector, List<List<SpanData>> runs) throws IOException {
        LogReader reader = LogReader.open(input);
        FrameDecoder decoder = new FrameDecoder();
        reader.read(entry -> {
            if (entry instanceof LogEntry.Frame f) {
                ProtocolEvent event = f.node() != null ? decoder.decode(f.node(), null) : decoder.decode(f.text());
                if (event instanceof RunEvent e) {
                    List<SpanData> ended = collector.accept(e, f.receivedAt());
                    if (!ended.isEmpty()) {
                        runs.add(ended);
                    }
                }
            } else if (entry instanceof LogEntry.Meta m) {
                SessionMeta.register(m, decoder);
                collector.meta(m);
            }
        });
    }
}
