package dev.runlens.history;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings the index up to date with recordings (decision 0051). Per recording the index keeps its
 * size, modification time and the offset read up to, committed with its documents: unchanged
 * files are skipped, a grown one is read from where it stopped (while this indexer still holds
 * its reading state), a changed or shrunk one is read again. A re-read first deletes the
 * recording's documents and adds them anew, in the same commit; a grown recording's changed runs
 * and executions are updated on their unique id (decision 0066). So a crash at any point leaves
 * no duplicates and loses nothing a later pass does not redo. One thread at a time.
 */
public final class HistoryIndexer {
    /** Recordings whose reading state is kept, for reading them on as they grow (live sessions). */
    private static final int KEPT_STATES = 16;
    /**
     * A commit flushes a segment: every 2 s made dozens of small segments a minute for the merges
     * to redo. A crash loses at most this much work, which the next pass reads again.
     */
    private static final long COMMIT_NANOS = 15_000_000_000L;

    private final HistoryIndex index;
    private final Map<String, FileMark> marks = new HashMap<>();
    private final Map<String, RecordingState> states = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RecordingState> eldest) {
            return size() > KEPT_STATES;
        }
    };
    private final IndexDocuments documents = new IndexDocuments();
    private Consumer<LogEntry> probe = e -> { };
    private long events;

    /** What the index knows of a recording. */
    record FileMark(long size, long mtime, long offset, String format) {
    }

    public HistoryIndexer(HistoryIndex index) throws IOException {
        this.index = index;
        loadMarks();
    }

    /** Tests: called with every entry before it is indexed (throw from it to simulate a crash). */
    void probe(Consumer<LogEntry> probe) {
        this.probe = probe;
    }

    /** Run events read so far (for the benchmark's events/s). */
    public long events() {
        return events;
    }

    private void loadMarks() throws IOException {
        IndexSearcher s = index.acquire();
        if (s == null) {
            return;
        }
        try {
            TopDocs docs = s.search(new TermQuery(new Term(IndexFields.KIND, IndexFields.FILE)), Integer.MAX_VALUE);
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : docs.scoreDocs) {
                Document d = stored.document(sd.doc);
                marks.put(d.get(IndexFields.RECORDING), new FileMark(
                        d.getField(IndexFields.SIZE).numericValue().longValue(),
                        d.getField(IndexFields.MTIME).numericValue().longValue(),
                        d.getField(IndexFields.OFFSET).numericValue().longValue(),
                        d.get(IndexFields.FORMAT)));
            }
        } finally {
            index.release(s);
        }
    }

    /**
     * Indexes what is new in {@code recording} (not yet committed: see {@link #commit()}); true
     * when the index changed. A file that is not a log is remembered as such until it changes.
     */
    public boolean index(Path recording) throws IOException {
        IndexWriter writer = index.writer();
        if (writer == null) {
            return false;
        }
        Path path = recording.toAbsolutePath().normalize();
        String key = path.toString();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return forget(key);
        }
        long size = attrs.size();
        long mtime = attrs.lastModifiedTime().toMillis();
        FileMark mark = marks.get(key);
        if (mark != null && mark.size() == size && mark.mtime() == mtime) {
            return false;
        }
        LogReader reader;
        try {
            reader = LogReader.open(path);
        } catch (IOException e) {
            // Not a log (or empty, or unreadable): remember it, so it is not read again until it changes.
            states.remove(key);
            writer.deleteDocuments(new Term(IndexFields.RECORDING, key));
            writer.updateDocument(IndexDocuments.idTerm(key), IndexDocuments.file(key, size, mtime, size, "none"));
            marks.put(key, new FileMark(size, mtime, size, "none"));
            return true;
        }
        RecordingState state = states.get(key);
        boolean tail = state != null && mark != null && state.offset == mark.offset() && size >= mark.size()
                && reader.appendable();
        if (!tail) {
            state = new RecordingState();
        }
        states.remove(key);
        RecordingState st = state;
        long before = st.events;
        long offset = RecordingReader.read(reader, st.offset, st.frames, entry -> {
            probe.accept(entry);
            st.accept(entry);
        });
        events += st.events - before;
        if (!tail) {
            writer.deleteDocuments(new Term(IndexFields.RECORDING, key));
        }
        write(writer, key, st);
        writer.updateDocument(IndexDocuments.idTerm(key), IndexDocuments.file(key, size, mtime, offset, reader.format().name()));
        marks.put(key, new FileMark(size, mtime, offset, reader.format().name()));
        st.offset = offset;
        if (reader.appendable()) {
            states.put(key, st);
        }
        return true;
    }

    private void write(IndexWriter writer, String key, RecordingState st) throws IOException {
        for (Run run : st.takeDirtyRuns()) {
            FlowKey flow = FlowKey.of(run);
            RecordingState.Texted runText = st.textOf(run);
            put(writer, runText, documents.run(key, run, flow, runText));
            for (Execution e : run.executions()) {
                if (st.takeDirty(e)) {
                    RecordingState.Texted t = st.textOf(e);
                    put(writer, t, documents.execution(key, run, flow, e, t));
                }
            }
        }
        st.clearDirty();
    }

    /**
     * Adds a document the index has not had since its recording was (re)read, updates one it has:
     * an update costs a buffered delete that every flush applies to every segment.
     */
    private void put(IndexWriter writer, RecordingState.Texted t, Iterable<IndexableField> doc) throws IOException {
        if (t.written) {
            writer.updateDocument(documents.idTerm(), doc);
        } else {
            writer.addDocument(doc);
            t.written = true;
        }
    }

    /** A recording that is gone: its documents go too. */
    private boolean forget(String key) throws IOException {
        states.remove(key);
        if (marks.remove(key) == null) {
            return false;
        }
        index.writer().deleteDocuments(new Term(IndexFields.RECORDING, key));
        return true;
    }

    /**
     * Indexes each file (a file that cannot be read is skipped: it is the replay's to report), committing
     * every 15 seconds and at the end; {@code between} runs between files (the window yields there) and
     * stops the pass by returning false. Returns how many files changed the index.
     */
    public int indexAll(java.util.Collection<Path> files, java.util.function.BooleanSupplier between) throws IOException {
        int changed = 0;
        long lastCommit = System.nanoTime();
        for (Path file : files) {
            if (!between.getAsBoolean()) {
                break;
            }
            try {
                if (index(file)) {
                    changed++;
                }
            } catch (IOException | RuntimeException e) {
                java.util.logging.Logger.getLogger(HistoryIndexer.class.getName())
                        .fine("history: " + file + " not indexed (" + e + ")");
            }
            if (System.nanoTime() - lastCommit > COMMIT_NANOS) {
                commit();
                lastCommit = System.nanoTime();
            }
        }
        commit();
        return changed;
    }

    /** Makes everything indexed so far durable and visible to other processes, in one commit point. */
    public void commit() throws IOException {
        IndexWriter writer = index.writer();
        if (writer != null && writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    /** The recordings the index knows (paths as indexed). */
    public java.util.Set<String> known() {
        return java.util.Set.copyOf(marks.keySet());
    }
}
