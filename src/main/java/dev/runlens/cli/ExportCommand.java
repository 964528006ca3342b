package dev.runlens.cli;

import dev.runlens.log.PrivateFiles;
import dev.runlens.export.ExecutionsCsv;
import dev.runlens.export.Redactor;
import dev.runlens.json.Json;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.PayloadOptions;
import dev.runlens.launch.SubCommand;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogFormatException;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogWriter;
import dev.runlens.model.Run;
import dev.runlens.otlp.OtlpJsonExport;
import dev.runlens.otlp.PayloadPolicy;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.summary.SummaryJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code runlens export}: turns logs into something to hand over: a session log (optionally only
 * some runs, optionally with secrets masked), the summary JSON, or the executions as CSV.
 */
@Command(name = "export", description = "Convert or share logs: a session log (some runs, secrets masked), the summary JSON, "
        + "the executions as CSV, or the runs as OpenTelemetry traces (OTLP/JSON).",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:written", "1:the output could not be written",
                "2:bad usage, an input is missing or not a log, or the output is also an input"})
public final class ExportCommand extends SubCommand {
    private static final String USAGE = "Usage: runlens export [--format session|summary|csv|otlp] [--redact] [--run RUN_ID]... "
            + "[--payloads] --out FILE INPUT...";

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String format = "session";

    @Option(names = "--redact", description = "Mask tokens, keys and other secrets in the frames.")
    boolean redact;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Only this run (repeatable; session and csv).")
    Set<String> runs = new HashSet<>();

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write.")
    Path target;

    /** Node inputs and outputs in the spans of {@code --format otlp}. */
    @Mixin
    PayloadOptions payloads;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Logs in any form Runlens reads.")
    List<Path> inputs = new ArrayList<>();

    /** The formats, for the help and the shell completion. */
    public static final class Formats extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        public Formats() {
            super(List.of("session", "summary", "csv", "otlp"));
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!new Formats().contains(format)) {
            err.println("runlens export: unknown format '" + format + "' (session, summary, csv or otlp)");
            return ExitCodes.USAGE;
        }
        if (target == null || inputs.isEmpty()) {
            err.println("runlens export: " + (target == null ? "--out is required" : "no input file") + " (" + USAGE + ")");
            return ExitCodes.USAGE;
        }
        try {
            // export --out X X, or X under another name: refused before anything is opened.
            PrivateFiles.refuseInput(target, inputs);
            switch (format) {
                case "summary" -> writeSummary(inputs, target);
                case "csv" -> writeCsv(inputs, target, runs);
                case "otlp" -> writeOtlp(inputs, target, payloads.policy());
                default -> writeSession(inputs, target, runs, redact);
            }
        } catch (PrivateFiles.OutputIsInput | LogFormatException e) {
            err.println("runlens export: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (NoSuchFileException | AccessDeniedException e) {
            err.println("runlens export: " + e.getFile() + (e instanceof NoSuchFileException ? ": no such file" : ": permission denied"));
            return ExitCodes.USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println("runlens export: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private static SummaryBuilder summary(List<Path> inputs) throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        for (Path p : inputs) {
            b.add(p);
        }
        return b;
    }

    private static void writeSummary(List<Path> inputs, Path target) throws IOException {
        SummaryBuilder b = summary(inputs);
        try (OutputStream o = PrivateFiles.newOutputStream(target)) {
            SummaryJson.write(b.model().runs(), b.stats(), o);
        }
    }

    /** OpenTelemetry traces as OTLP/JSON, one ExportTraceServiceRequest per line (a collector's otlpjsonfile receiver). */
    private static void writeOtlp(List<Path> inputs, Path target, PayloadPolicy policy) throws IOException {
        try (OutputStream o = PrivateFiles.newOutputStream(target)) {
            OtlpJsonExport.write(inputs, policy, o);
        }
    }

    private static void writeCsv(List<Path> inputs, Path target, Set<String> runs) throws IOException {
        List<Run> chosen = summary(inputs).model().runs().stream()
                .filter(run -> runs.isEmpty() || runs.contains(run.ref().runId())).toList();
        try (Writer w = PrivateFiles.newWriter(target)) {
            ExecutionsCsv.writeAll(chosen, w);
        }
    }

    private static void writeSession(List<Path> inputs, Path target, Set<String> runs, boolean redact) throws IOException {
        List<LogReader> readers = new ArrayList<>();
        for (Path p : inputs) {
            readers.add(LogReader.open(p));
        }
        SessionHeader first = readers.get(0).header();
        SessionHeader header = new SessionHeader(1, first == null ? null : first.protocol(),
                first == null ? null : first.url(), first == null ? null : first.startedAt(), "runlens export");
        try (SessionLogWriter w = new SessionLogWriter(target, header)) {
            for (LogReader reader : readers) {
                FrameDecoder decoder = new FrameDecoder();
                reader.read(entry -> {
                    try {
                        if (entry instanceof LogEntry.Frame f) {
                            String text = f.text() != null ? f.text() : Json.compact(f.node());
                            if (!runs.isEmpty()) {
                                ProtocolEvent e = decoder.decode(text);
                                if (!(e instanceof RunEvent r) || !runs.contains(r.run().runId())) {
                                    return;
                                }
                            }
                            w.writeFrame(f.receivedAt(), redact ? Redactor.redact(text) : text);
                        } else if (entry instanceof LogEntry.Meta m) {
                            Map<String, Object> fields = new java.util.LinkedHashMap<>();
                            m.fields().fields().forEachRemaining(e -> {
                                if (!e.getKey().equals("at") && !e.getKey().equals("meta") && e.getValue().isValueNode()) {
                                    fields.put(e.getKey(), e.getValue().isNumber() ? (Object) e.getValue().numberValue() : e.getValue().asText());
                                }
                            });
                            if (m.at() != null) {
                                w.writeMeta(m.at(), m.kind(), fields);
                            }
                        }
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
            }
        }
    }
}
