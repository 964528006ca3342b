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

    /** What runs on the reading thread: hands its items to {@code out}, in order. */
    @FunctionalInterface
    public interface Producer<T> {
        void produce(Consumer<T> out) throws IOException;
    }

    /**
     * Runs {@code source} on a reading thread of its own and {@code map} on a second, in order, and
     * hands the results to {@code sink} on this thread, in batches: reading, mapping (decoding) and
     * what the caller does with the results overlap. {@code map} must not share unsynchronized
     * state with {@code sink}.
     */
    public static <S, T> void read(Producer<S> source, Function<S, T> map, Consumer<T> sink) throws IOException {
        BlockingQueue<List<Object>> entries = new ArrayBlockingQueue<>(QUEUE);
        BlockingQueue<List<Object>> mapped = new ArrayBlockingQueue<>(QUEUE);
        Throwable[] failure = new Throwable[2];
        Thread producer = start("runlens-read-ahead", () -> produce(source, entries, failure));
        Thread mapper = start("runlens-read-map", () -> {
            try {
                while (true) {
                    List<Object> batch = entries.take();
                    if (batch == END) {
                        break;
                    }
                    List<Object> out = new ArrayList<>(batch.size());
                    for (Object entry : batch) {
                        @SuppressWarnings("unchecked")
                        S item = (S) entry;
                        out.add(map.apply(item));
                    }
                    put(mapped, out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure[1] = t;
                producer.interrupt();
            } finally {
                putEnd(mapped);
            }
        });
        try {
            consume(mapped, sink, mapper);
        } catch (IOException | RuntimeException | Error e) {
            producer.interrupt();
            throw e;
        }
        join(mapper);
        join(producer);
        rethrow(failure[1]);
        rethrow(failure[0]);
    }

    private static Thread start(String name, Runnable body) {
        return Thread.ofPlatform().name(name).daemon().start(body);
    }

    private static <T> void produce(Producer<T> producer, BlockingQueue<List<Object>> queue, Throwable[] failure) {
        List<Object> batch = new ArrayList<>(BATCH_ENTRIES);
        long[] chars = {0};
        try {
            producer.produce(entry -> {
                batch.add(entry);
                if (entry instanceof LogEntry.Frame f && f.text() != null) {
                    chars[0] += f.text().length();
                } else if (entry instanceof byte[] bytes) {
                    chars[0] += bytes.length;
                }
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
    }

    /** Hands every batch to {@code sink} until the end; stops {@code upstream} when the sink fails. */
    private static <T> void consume(BlockingQueue<List<Object>> queue, Consumer<T> sink, Thread upstream) throws IOException {
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
        } catch (InterruptedException e) {
            upstream.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("reading was interrupted", e);
        } catch (RuntimeException | Error e) {
            upstream.interrupt();
            throw e;
        }
    }

    private static void join(Thread t) throws IOException {
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("reading was interrupted", e);
        }
    }

    private static void rethrow(Throwable t) throws IOException {
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
