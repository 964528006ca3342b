package dev.runlens.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a log on a thread of its own and hands the entries to the caller's thread in order, in
 * batches, so reading and line parsing overlap with decoding on a second core. Memory is
 * bounded: a few batches of at most a few MB of frame text are in flight.
 */
public final class ReadAhead {
    private static final int BATCH_ENTRIES = 2048;
    private static final long BATCH_CHARS = 4L * 1024 * 1024;
    private static final int QUEUE = 4;
    private static final List<Object> END = List.of();

    private ReadAhead() {
    }

    /** Like {@link LogReader#read}, with reading done on a background thread. */
    public static void read(LogReader reader, Consumer<LogEntry> sink) throws IOException {
        read(reader, Function.identity(), sink);
    }

    /**
     * Like {@link #read(LogReader, Consumer)}, and {@code map} runs on the reading thread too, in
     * file order, so a second stage (decoding) overlaps with what the caller does with its results.
     * {@code map} must not share unsynchronized state with {@code sink}.
     */
    public static <T> void read(LogReader reader, Function<LogEntry, T> map, Consumer<T> sink) throws IOException {
        BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUE);
        Throwable[] failure = new Throwable[1];
        Thread producer = new Thread(() -> {
            List<Object> batch = new ArrayList<>(BATCH_ENTRIES);
            long[] chars = {0};
            try {
                reader.read(entry -> {
                    if (entry instanceof LogEntry.Frame f && f.text() != null) {
                        chars[0] += f.text().length();
                    }
                    batch.add(map.apply(entry));
                    if (batch.size() >= BATCH_ENTRIES || chars[0] >= BATCH_CHARS) {
                        put(queue, new ArrayList<>(batch));
                        batch.clear();
                        chars[0] = 0;
                    }
                });
                if (!batch.isEmpty()) {
                    put(queue, new ArrayList<>(batch));
                }
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                putEnd(queue);
            }
        }, "runlens-read-ahead");
        producer.setDaemon(true);
        producer.start();
        try {
            while (true) {
                List<Object> batch = queue.take();
                if (batch == END) {
                    break;
                }
                for (Object item : batch) {
                    @SuppressWarnings("unchecked")
                    T t = (T) item;
                    sink.accept(t);
                }
            }
            producer.join();
        } catch (InterruptedException e) {
            producer.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("reading was interrupted", e);
        } catch (RuntimeException e) {
            producer.interrupt();
            throw e;
        }
        Throwable t = failure[0];
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re && !(t instanceof Stop)) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
    }

    /** Unwinds the producer when the consumer has gone. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private static void put(BlockingQueue<List<Object>> queue, List<Object> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        }
    }

    private static void putEnd(BlockingQueue<List<Object>> queue) {
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
