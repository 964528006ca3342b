package dev.runlens.sim;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Objects;

/**
 * How the simulator behaves. {@link #demo()} paces runs for a person watching; {@link #fast()}
 * is for tests: runs only start on request and events follow each other within milliseconds.
 *
 * @param port            0 picks a free port
 * @param v1              speak the legacy Space Operator v1 protocol on {@code /ws}
 * @param apiKey          the API key accepted by Authenticate ({@code b3-...}); null = a random one
 * @param eventInterval   pause between two events of one run
 * @param newRunEvery     start a new scripted run this often; null = only on request
 * @param demoRunsAtStart start one run of every scenario when the server starts
 * @param notFoundAfter   a finished run answers {@code not found} this long after its FlowFinish
 * @param dropEveryFrames close a connection after every N live event frames (0 = never)
 * @param malformedEveryFrames send a malformed frame after every N frames (0 = never)
 * @param responseDelay   wait this long before answering each request
 * @param bigOutputBytes  size of the big-output scenario's payload
 * @param foreachIterations loop iterations of the foreach scenario
 * @param seed            seed of the scripted randomness
 * @param tls             serve {@code wss://} with this context (its key manager holds the server certificate); null = plain
 */
public record SimulatorOptions(int port, boolean v1, String apiKey, Duration eventInterval, Duration newRunEvery,
                               boolean demoRunsAtStart, Duration notFoundAfter, int dropEveryFrames,
                               int malformedEveryFrames, Duration responseDelay, int bigOutputBytes,
                               int foreachIterations, long seed, SSLContext tls) {

    public SimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (apiKey != null && !apiKey.startsWith("b3-")) {
            throw new IllegalArgumentException("an API key starts with b3-");
        }
        Objects.requireNonNull(eventInterval, "eventInterval");
        Objects.requireNonNull(notFoundAfter, "notFoundAfter");
        Objects.requireNonNull(responseDelay, "responseDelay");
        if (dropEveryFrames < 0 || malformedEveryFrames < 0 || bigOutputBytes < 0 || foreachIterations < 1) {
            throw new IllegalArgumentException("counts must not be negative (foreachIterations >= 1)");
        }
    }

    /** Paced for a person: an event every 400 ms, a new run every 6 s, every scenario at start. */
    public static SimulatorOptions demo() {
        return builder().build();
    }

    /** For tests: 2 ms between events, no automatic runs, finished runs stay findable for 60 s. */
    public static SimulatorOptions fast() {
        return fastBuilder().build();
    }

    /** The {@link #demo()} settings, to change some. */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@link #fast()} settings, to change some. */
    public static Builder fastBuilder() {
        return builder().eventInterval(Duration.ofMillis(2)).newRunEvery(null).demoRunsAtStart(false)
                .notFoundAfter(Duration.ofSeconds(60));
    }

    public static final class Builder {
        private int port;
        private boolean v1;
        private String apiKey;
        private Duration eventInterval = Duration.ofMillis(400);
        private Duration newRunEvery = Duration.ofSeconds(6);
        private boolean demoRunsAtStart = true;
        private Duration notFoundAfter = Duration.ofSeconds(2);
        private int dropEveryFrames;
        private int malformedEveryFrames;
        private Duration responseDelay = Duration.ZERO;
        private int bigOutputBytes = 20 * 1024 * 1024;
        private int foreachIterations = 6;
        private long seed = 42;
        private SSLContext tls;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder v1(boolean v1) {
            this.v1 = v1;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder eventInterval(Duration d) {
            this.eventInterval = d;
            return this;
        }

        public Builder newRunEvery(Duration d) {
            this.newRunEvery = d;
            return this;
        }

        public Builder demoRunsAtStart(boolean b) {
            this.demoRunsAtStart = b;
            return this;
        }

        public Builder notFoundAfter(Duration d) {
            this.notFoundAfter = d;
            return this;
        }

        public Builder dropEveryFrames(int n) {
            this.dropEveryFrames = n;
            return this;
        }

        public Builder malformedEveryFrames(int n) {
            this.malformedEveryFrames = n;
            return this;
        }

        public Builder responseDelay(Duration d) {
            this.responseDelay = d;
            return this;
        }

        public Builder bigOutputBytes(int n) {
            this.bigOutputBytes = n;
            return this;
        }

        public Builder foreachIterations(int n) {
            this.foreachIterations = n;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(port, v1, apiKey, eventInterval, newRunEvery, demoRunsAtStart, notFoundAfter,
                    dropEveryFrames, malformedEveryFrames, responseDelay, bigOutputBytes, foreachIterations, seed, tls);
        }
    }
}
