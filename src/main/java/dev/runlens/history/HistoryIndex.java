package dev.runlens.history;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The history index on disk (Apache Lucene, decisions 0050 and 0051): opens it for writing, or
 * read-only when another Runlens holds its lock; deletes and rebuilds it when it is damaged or
 * of another format. Thread-safe: one thread indexes, any thread searches.
 */
public final class HistoryIndex implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HistoryIndex.class.getName());

    private final Path folder;
    private final Directory directory;
    /** Null when read-only (another process writes). */
    private final IndexWriter writer;
    /** Null when read-only and no index exists yet. */
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final boolean rebuilt;

    private HistoryIndex(Path folder, Directory directory, IndexWriter writer, SearcherManager searchers, Analyzer analyzer, boolean rebuilt) {
        this.folder = folder;
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
                    .setCommitOnClose(false);
            writer = new IndexWriter(dir, config);
            // Opening the readers checks every segment's header and footer: a damaged file shows here.
            SearcherManager searchers = new SearcherManager(writer, null);
            return new HistoryIndex(folder, dir, writer, searchers, analyzer, rebuilt);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                closeQuietly(writer);
            }
            dir.close();
            throw e;
        }
    }

    private static HistoryIndex openReadOnly(Path folder) throws IOException {
        Directory dir = FSDirectory.open(folder);
        SearcherManager searchers = DirectoryReader.indexExists(dir) ? new SearcherManager(dir, null) : null;
        LOG.info("history index at " + folder + " is in use by another Runlens: searching it read-only");
        return new HistoryIndex(folder, dir, null, searchers, new StandardAnalyzer(), false);
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

    public Path folder() {
        return folder;
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
