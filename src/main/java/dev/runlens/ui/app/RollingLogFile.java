package dev.runlens.ui.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A java.util.logging handler writing to one file that rolls over at a size: {@code runlens.log}
 * is the newest, {@code runlens.log.1} the one before, and so on. Not {@code FileHandler}: that
 * one names the newest file {@code runlens.log.0} and creates each new file with the umask's mode,
 * while a log that may quote a payload should be the operator's alone (0600). Each record is
 * flushed, so the lines before a crash are on disk.
 */
final class RollingLogFile extends Handler {
    private final Path file;
    private final long limit;
    private final int generations;
    private OutputStream out;
    private long written;

    /** Keeps {@code generations} files (the current one included) of at most about {@code limit} bytes. */
    RollingLogFile(Path file, long limit, int generations) throws IOException {
        this.file = file;
        this.limit = limit;
        this.generations = Math.max(1, generations);
        open();
    }

    private void open() throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException kept) {
            // Appended to, as it is.
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        out = Files.newOutputStream(file, StandardOpenOption.APPEND);
        written = Files.size(file);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (out == null || !isLoggable(record)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (written > 0 && written + bytes.length > limit) {
                roll();
            }
            out.write(bytes);
            out.flush();
            written += bytes.length;
        } catch (IOException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void roll() throws IOException {
        out.close();
        for (int i = generations - 1; i >= 1; i--) {
            Path from = i == 1 ? file : generation(i - 1);
            if (Files.exists(from)) {
                Files.move(from, generation(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (generations == 1) {
            Files.delete(file);
        }
        open();
    }

    private Path generation(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    @Override
    public synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            reportError(null, e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            reportError(null, e, ErrorManager.CLOSE_FAILURE);
        }
        out = null;
    }
}
