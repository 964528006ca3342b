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
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    // One set of fields, refilled for each document (Lucene's advice for indexing speed: reuse
    // Field instances); IndexWriter reads them before add/updateDocument returns. One thread.
    private final List<IndexableField> fields = new ArrayList<>();
    private final Field kind = keyword(IndexFields.KIND);
    private final MessageDigest digest = md5();
    private final BytesRef idBytes = new BytesRef(new byte[16]);
    private String digestedRecording;
    private byte[] recordingBytes;
    private final Field id = new StringField(IndexFields.ID, new BytesRef(), Field.Store.NO);
    private final Field recording = keyword(IndexFields.RECORDING);
    private final Field run = keyword(IndexFields.RUN);
    private final Field protocol = keyword(IndexFields.PROTOCOL);
    private final Field protocolAlias = new StringField(IndexFields.PROTOCOL, Source.SPACE_OPERATOR.id(), Field.Store.NO);
    private final Field family = keyword(IndexFields.FAMILY);
    private final Field flow = keyword(IndexFields.FLOW);
    private final Field node = keyword(IndexFields.NODE);
    private final Field status = keyword(IndexFields.STATUS);
    private final StoredField times = new StoredField(IndexFields.TIMES, 0);
    private final LongPoint startedPoint = new LongPoint(IndexFields.STARTED, 0);
    private final NumericDocValuesField startedSort = new NumericDocValuesField(IndexFields.STARTED, 0);
    private final StoredField startedStored = new StoredField(IndexFields.STARTED, 0L);
    private final StoredField ended = new StoredField(IndexFields.ENDED, 0L);
    private final LongPoint durationPoint = new LongPoint(IndexFields.DURATION, 0);
    private final StoredField durationStored = new StoredField(IndexFields.DURATION, 0L);
    private final StoredField entry = new StoredField(IndexFields.ENTRY, 0L);
    private final Field text = new Field(IndexFields.TEXT, "", TEXT);

    static Term idTerm(String id) {
        return new Term(IndexFields.ID, id);
    }

    /** The id of the document built last, for updating it. */
    Term idTerm() {
        return new Term(IndexFields.ID, BytesRef.deepCopyOf(idBytes));
    }

    /**
     * A run's or execution's id: MD5 of recording, run, node and iteration. Sixteen bytes instead of
     * a path and two UUIDs: the id is the one unique term of every document, and sorting and writing
     * long terms that share a path prefix was a fifth of each flush.
     */
    private BytesRef id(String recording, RunRef run, String node, int times) {
        if (!recording.equals(digestedRecording)) {
            digestedRecording = recording;
            recordingBytes = recording.getBytes(StandardCharsets.UTF_8);
        }
        digest.update(recordingBytes);
        digest.update((byte) 0);
        digest.update(run.runId().getBytes(StandardCharsets.UTF_8));
        if (node != null) {
            digest.update((byte) 0);
            digest.update(node.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Integer.toString(times).getBytes(StandardCharsets.UTF_8));
        }
        try {
            digest.digest(idBytes.bytes, 0, idBytes.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        return idBytes;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no MD5", e);
        }
    }

    /** A run's document: its fields, the run's own text, and (Space Operator) each node id it touched. */
    Iterable<IndexableField> run(String recording, Run run, FlowKey flow, RecordingState.Texted text) {
        common(recording, run, flow, IndexFields.RUN_KIND, id(recording, run.ref(), null, 0));
        set(status, run.status().id());
        times(run.startedAt(), run.finishedAt());
        duration(run.startedAt() == null || run.finishedAt() == null ? null : Duration.between(run.startedAt(), run.finishedAt()));
        finish(text);
        if (flow.source() != Source.LYZR) {
            run.nodes().forEach(n -> fields.add(new StringField(IndexFields.FLOW_NODE, n, Field.Store.NO)));
        }
        return fields;
    }

    /** An execution's document. */
    Iterable<IndexableField> execution(String recording, Run run, FlowKey flow, Execution e, RecordingState.Texted text) {
        common(recording, run, flow, IndexFields.EXEC, id(recording, run.ref(), e.node(), e.times()));
        set(node, e.node());
        times.setIntValue(e.times());
        fields.add(times);
        set(status, e.status().id());
        times(e.startedAt(), e.finishedAt());
        duration(e.duration());
        finish(text);
        return fields;
    }

    /** How far a recording was read, so the next pass reads only what was added. */
    static Document file(String recording, long size, long mtime, long offset, String format) {
        Document d = new Document();
        d.add(new StringField(IndexFields.KIND, IndexFields.FILE, Field.Store.YES));
        d.add(new StringField(IndexFields.ID, recording, Field.Store.YES));
        d.add(new StringField(IndexFields.RECORDING, recording, Field.Store.YES));
        d.add(new StoredField(IndexFields.SIZE, size));
        d.add(new StoredField(IndexFields.MTIME, mtime));
        d.add(new StoredField(IndexFields.OFFSET, offset));
        d.add(new StoredField(IndexFields.FORMAT, format));
        return d;
    }

    private void common(String recording, Run run, FlowKey flow, String kindValue, BytesRef idValue) {
        fields.clear();
        set(kind, kindValue);
        id.setBytesValue(idValue);
        fields.add(id);
        set(this.recording, recording);
        set(this.run, run.ref().runId());
        Source source = run.ref().source();
        set(protocol, source.id());
        if (source == Source.SPACE_OPERATOR_V1) {
            // protocol:space-operator finds both generations.
            fields.add(protocolAlias);
        }
        set(family, flow.source().id());
        set(this.flow, flow.key());
    }

    private void set(Field field, String value) {
        field.setStringValue(value == null ? "" : value);
        fields.add(field);
    }

    private void times(Instant started, Instant ended) {
        long s = millis(started);
        startedPoint.setLongValue(s);
        startedSort.setLongValue(s);
        startedStored.setLongValue(s);
        this.ended.setLongValue(millis(ended));
        fields.add(startedPoint);
        fields.add(startedSort);
        fields.add(startedStored);
        fields.add(this.ended);
    }

    private void finish(RecordingState.Texted t) {
        entry.setLongValue(t.entry);
        fields.add(entry);
        text.setStringValue(t.text.text());
        fields.add(text);
    }

    /** Epoch millis, or -1 when unknown or beyond what a long holds (a hostile time). */
    static long millis(Instant t) {
        try {
            return t == null ? -1 : t.toEpochMilli();
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private void duration(Duration duration) {
        if (duration == null) {
            return;
        }
        long ms;
        try {
            ms = duration.toMillis();
        } catch (ArithmeticException e) {
            return;
        }
        durationPoint.setLongValue(ms);
        durationStored.setLongValue(ms);
        fields.add(durationPoint);
        fields.add(durationStored);
    }

    private static StringField keyword(String name) {
        return new StringField(name, "", Field.Store.YES);
    }
}
