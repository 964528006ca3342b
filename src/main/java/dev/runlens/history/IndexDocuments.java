package dev.runlens.history;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

import java.time.Duration;
import java.time.Instant;

/** Turns a recording's runs and executions into index documents (the fields: {@link IndexFields}). */
final class IndexDocuments {
    /**
     * The text, stored (for snippets) with offsets in its postings, so the highlighter reads the
     * matches' places from the index instead of analysing up to 16 KB per hit again.
     */
    private static final FieldType TEXT;

    static {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        TEXT = t;
    }
    private IndexDocuments() {
    }

    static String runId(String recording, RunRef run) {
        return recording + '\u0000' + run.runId();
    }

    static String execId(String recording, RunRef run, Execution e) {
        return runId(recording, run) + '\u0000' + e.node() + '\u0000' + e.times();
    }

    static Term idTerm(String id) {
        return new Term(IndexFields.ID, id);
    }

    /** The flow a run belongs to for baselines: Lyzr's flow_name, Space Operator's node set. */
    static FlowKey flowOf(Run run) {
        RunRef ref = run.ref();
        if (ref.source() == Source.LYZR) {
            int slash = ref.runId().indexOf('/');
            return FlowKey.lyzr(slash < 0 ? ref.runId() : ref.runId().substring(0, slash));
        }
        return FlowKey.spaceOperator(run.nodes());
    }

    static Document run(String recording, Run run, RecordingState.Texted text) {
        Document d = common(recording, run, IndexFields.RUN_KIND, runId(recording, run.ref()));
        keyword(d, IndexFields.STATUS, run.status().id());
        times(d, run.startedAt(), run.finishedAt());
        Duration duration = run.startedAt() == null || run.finishedAt() == null ? null : Duration.between(run.startedAt(), run.finishedAt());
        duration(d, duration);
        entry(d, text.entry);
        d.add(new Field(IndexFields.TEXT, text.text.text(), TEXT));
        return d;
    }

    static Document execution(String recording, Run run, Execution e, RecordingState.Texted text) {
        Document d = common(recording, run, IndexFields.EXEC, execId(recording, run.ref(), e));
        keyword(d, IndexFields.NODE, e.node());
        d.add(new StoredField(IndexFields.TIMES, e.times()));
        keyword(d, IndexFields.STATUS, e.status().id());
        times(d, e.startedAt(), e.finishedAt());
        duration(d, e.duration());
        entry(d, text.entry);
        d.add(new Field(IndexFields.TEXT, text.text.text(), TEXT));
        return d;
    }

    /** How far a recording was read, so the next pass reads only what was added. */
    static Document file(String recording, long size, long mtime, long offset, String format) {
        Document d = new Document();
        keyword(d, IndexFields.KIND, IndexFields.FILE);
        keyword(d, IndexFields.ID, recording);
        keyword(d, IndexFields.RECORDING, recording);
        d.add(new StoredField(IndexFields.SIZE, size));
        d.add(new StoredField(IndexFields.MTIME, mtime));
        d.add(new StoredField(IndexFields.OFFSET, offset));
        d.add(new StoredField(IndexFields.FORMAT, format));
        return d;
    }

    private static Document common(String recording, Run run, String kind, String id) {
        Document d = new Document();
        keyword(d, IndexFields.KIND, kind);
        keyword(d, IndexFields.ID, id);
        keyword(d, IndexFields.RECORDING, recording);
        keyword(d, IndexFields.RUN, run.ref().runId());
        Source source = run.ref().source();
        keyword(d, IndexFields.PROTOCOL, source.id());
        if (source == Source.SPACE_OPERATOR_V1) {
            // protocol:space-operator finds both generations.
            d.add(new StringField(IndexFields.PROTOCOL, Source.SPACE_OPERATOR.id(), Field.Store.NO));
        }
        FlowKey flow = flowOf(run);
        keyword(d, IndexFields.FAMILY, flow.source().id());
        keyword(d, IndexFields.FLOW, flow.key());
        return d;
    }

    private static void keyword(Document d, String field, String value) {
        d.add(new StringField(field, value == null ? "" : value, Field.Store.YES));
    }

    private static void times(Document d, Instant started, Instant ended) {
        long s = millis(started);
        d.add(new LongPoint(IndexFields.STARTED, s));
        d.add(new NumericDocValuesField(IndexFields.STARTED, s));
        d.add(new StoredField(IndexFields.STARTED, s));
        d.add(new StoredField(IndexFields.ENDED, millis(ended)));
    }

    /** Epoch millis, or -1 when unknown or beyond what a long holds (a hostile time). */
    static long millis(Instant t) {
        try {
            return t == null ? -1 : t.toEpochMilli();
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static void duration(Document d, Duration duration) {
        if (duration == null) {
            return;
        }
        long ms;
        try {
            ms = duration.toMillis();
        } catch (ArithmeticException e) {
            return;
        }
        d.add(new LongPoint(IndexFields.DURATION, ms));
        d.add(new StoredField(IndexFields.DURATION, ms));
    }

    private static void entry(Document d, long entry) {
        d.add(new StoredField(IndexFields.ENTRY, entry));
    }
}
