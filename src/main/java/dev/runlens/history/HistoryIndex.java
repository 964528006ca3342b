package dev.runlens.history;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The history index on disk (Apache Lucene, decisions 0050 and 0051): opens it for writing, or
 * read-only when another Runlens holds its lock; deletes and rebuilds it when it is damaged or
 * of another format. Thread-safe: one thread indexes, any thread searches.
 */
public final class HistoryIndex implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HistoryIndex.class.getName());
    private static final String LAYOUT_KEY = "runlens.layout";
    private static final String LAYOUT = "2";

    private final Directory directory;
    /** Null when read-only (another process writes). */
    private final IndexWriter writer;
    /** Null when read-only and no index exists yet. */
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final boolean rebuilt;

    private HistoryIndex(Directory directory, IndexWriter writer, SearcherManager searchers, Analyzer analyzer, boolean rebuilt) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.analyzer = analyzer;
        this.rebuilt = rebuilt;
    }

    /** Opens (or creates) the index in {@code folder}; a damaged one is deleted and started afresh. */
    public static HistoryIndex open(Path folder) throws IOException {
        Files.createDirectories(folder);
        try {
            return openWritable(folder, false);
        } catch (LockObtainFailedException e) {
            return openReadOnly(folder);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | NoSuchFileException
                 | EOFException e) {
            LOG.log(Level.WARNING, "history index at " + folder + " is damaged or of another version ("
                    + e.getClass().getSimpleName() + "); deleting it and rebuilding from the recordings");
            wipe(folder);
            return openWritable(folder, true);
        }
    }

    private static HistoryIndex openWritable(Path folder, boolean rebuilt) throws IOException {
        Analyzer analyzer = new StandardAnalyzer();
        Directory dir = FSDirectory.open(folder);
        IndexWriter writer = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(48)
                    // Separate files, not one compound file per segment: building that copies every
                    // segment once more at each flush and merge (a few hundred files at 10 M events).
                    .setUseCompoundFile(false)
                    .setMergePolicy(mergePolicy())
                    .setCommitOnClose(false);
            writer = new IndexWriter(dir, config);
            checkLayout(writer, folder);
            // Opening the readers checks every segment's header and footer: a damaged file shows here.
            SearcherManager searchers = new SearcherManager(writer, null);
            return new HistoryIndex(dir, writer, searchers, analyzer, rebuilt);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                closeQuietly(writer);
            }
            dir.close();
            throw e;
        }
    }

    /**
     * An index written by a Runlens with other fields (2: run documents list their nodes, for a
     * live run's provisional baseline) is of another version: rebuilt, as a damaged one is.
     */
    private static void checkLayout(IndexWriter writer, Path folder) throws IOException {
        String found = null;
        for (Map.Entry<String, String> e : writer.getLiveCommitData() == null ? List.<Map.Entry<String, String>>of()
                : writer.getLiveCommitData()) {
            if (LAYOUT_KEY.equals(e.getKey())) {
                found = e.getValue();
            }
        }
        if (writer.getDocStats().maxDoc > 0 && !LAYOUT.equals(found)) {
            throw new IndexFormatTooOldException(folder.toString(), "Runlens index layout " + found + ", this version writes " + LAYOUT);
        }
        writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
    }

    private static TieredMergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(0.0);
        return policy;
    }

    private static HistoryIndex openReadOnly(Path folder) throws IOException {
        Directory dir = FSDirectory.open(folder);
        SearcherManager searchers = DirectoryReader.indexExists(dir) ? new SearcherManager(dir, null) : null;
        LOG.info("history index at " + folder + " is in use by another Runlens: searching it read-only");
        return new HistoryIndex(dir, null, searchers, new StandardAnalyzer(), false);
    }

    private static void closeQuietly(IndexWriter writer) {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException ignored) {
            // Closing after a failure: the failure is what gets reported.
        }
    }

    /** Deletes the index's files (it is a cache: the recordings are the truth). */
    static void wipe(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (!dir.equals(folder)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** True when another Runlens writes this index: this one only searches. */
    public boolean readOnly() {
        return writer == null;
    }

    /** True when the index was found damaged at open and started afresh. */
    public boolean rebuilt() {
        return rebuilt;
    }

    IndexWriter writer() {
        return writer;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** A searcher over the latest commit (and this process's uncommitted changes); null when there is no index. */
    IndexSearcher acquire() throws IOException {
        if (searchers == null) {
            return null;
        }
        searchers.maybeRefreshBlocking();
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        if (searcher != null) {
            searchers.release(searcher);
        }
    }

    /** Commits what was indexed and releases the lock, so the next start (or another window) can write. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null && writer.isOpen()) {
                writer.commit();
                writer.close();
            }
        } finally {
            directory.close();
        }
    }
}
