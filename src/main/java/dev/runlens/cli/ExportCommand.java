package dev.runlens.cli;

import dev.runlens.export.ExecutionsCsv;
import dev.runlens.export.Redactor;
import dev.runlens.json.Json;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogFormatException;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogWriter;
import dev.runlens.model.Run;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.summary.SummaryJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
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
public final class ExportCommand implements Command {
    private static final String USAGE = "Usage: runlens export [--format session|summary|csv] [--redact] [--run RUN_ID]... --out FILE INPUT...";

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String synopsis() {
        return "[--format session|summary|csv] [--redact] [--run ID]... --out FILE INPUT...   convert or share logs";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String format = "session";
        boolean redact = false;
        Path target = null;
        Set<String> runs = new HashSet<>();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--redact" -> redact = true;
                case "--format", "--out", "--run" -> {
                    if (i + 1 >= args.size()) {
                        err.println("runlens export: " + a + " needs a value (" + USAGE + ")");
                        return ExitCodes.USAGE;
                    }
                    String v = args.get(++i);
                    if (a.equals("--format")) {
                        format = v;
                    } else if (a.equals("--out")) {
                        target = Path.of(v);
                    } else {
                        runs.add(v);
                    }
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return ExitCodes.OK;
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("runlens export: unknown option " + a);
                        return ExitCodes.USAGE;
                    }
                    inputs.add(Path.of(a));
                }
            }
        }
        if (!List.of("session", "summary", "csv").contains(format)) {
            err.println("runlens export: unknown format '" + format + "' (session, summary or csv)");
            return ExitCodes.USAGE;
        }
        if (target == null || inputs.isEmpty()) {
            err.println("runlens export: " + (target == null ? "--out is required" : "no input file") + " (" + USAGE + ")");
            return ExitCodes.USAGE;
        }
        try {
            switch (format) {
                case "summary" -> writeSummary(inputs, target);
                case "csv" -> writeCsv(inputs, target, runs);
                default -> writeSession(inputs, target, runs, redact);
            }
        } catch (NoSuchFileException e) {
            err.println("runlens export: " + e.getFile() + ": no such file");
            return ExitCodes.USAGE;
        } catch (AccessDeniedException e) {
            err.println("runlens export: " + e.getFile() + ": permission denied");
            return ExitCodes.USAGE;
        } catch (LogFormatException e) {
            err.println("runlens export: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println("runlens export: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private static void writeSummary(List<Path> inputs, Path target) throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        for (Path p : inputs) {
            b.add(p);
        }
        try (OutputStream o = Files.newOutputStream(target)) {
            SummaryJson.write(b.model().runs(), b.stats(), o);
        }
    }

    private static void writeCsv(List<Path> inputs, Path target, Set<String> runs) throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        for (Path p : inputs) {
            b.add(p);
        }
        List<Run> chosen = new ArrayList<>();
        for (Run run : b.model().runs()) {
            if (runs.isEmpty() || runs.contains(run.ref().runId())) {
                chosen.add(run);
            }
        }
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
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
