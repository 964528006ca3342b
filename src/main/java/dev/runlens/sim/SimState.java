package dev.runlens.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.value.Base58;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the simulator's connections share: runs, the stream-id counter, the token, counters. */
final class SimState {
    private final SimulatorOptions options;
    private final Faults faults;
    private final String apiKey;
    private final String userId;
    private final String userPubkey;
    private final Random random;
    private final ScheduledExecutorService scheduler;
    private final Map<String, SoRun> soRuns = new LinkedHashMap<>();
    private final Map<String, Firehose> firehoses = new java.util.concurrent.ConcurrentHashMap<>();
    final ManyRuns.Groups manyRuns = new ManyRuns.Groups();
    private final Map<LyzrRunName, LyzrRun> lyzrRuns = new LinkedHashMap<>();
    /** Outputs of finished runs, for GET /flow/output (the newest 200). */
    private final Map<String, String> outputs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 200;
        }
    };
    /** Sockets on a Lyzr run name that has no run yet: they join when run-dag creates it. */
    private final Map<LyzrRunName, List<LyzrConnection>> parked = new LinkedHashMap<>();
    /** Lyzr runs by run-dag task_id, for task-status (the newest 200). */
    private final Map<String, LyzrRun> tasks = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LyzrRun> eldest) {
            return size() > 200;
        }
    };
    private final AtomicInteger taskStatusRequests = new AtomicInteger();
    private final AtomicLong streamIds = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger authentications = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger origins = new AtomicInteger();
    private final AtomicLong runCounter = new AtomicLong();
    private String bigText;
    private volatile String apiBase = "http://127.0.0.1";

    SimState(SimulatorOptions options) {
        this.options = options;
        this.faults = new Faults(options);
        this.random = new Random(options.seed());
        this.apiKey = options.apiKey() != null ? options.apiKey() : randomKey();
        this.userId = new UUID(random.nextLong(), random.nextLong()).toString();
        byte[] pk = new byte[32];
        random.nextBytes(pk);
        this.userPubkey = Base58.encode(pk);
        this.scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("sim-scheduler").daemon().factory());
    }

    private static String randomKey() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return "b3-" + Base58.encode(b);
    }

    SimulatorOptions options() {
        return options;
    }

    Faults faults() {
        return faults;
    }

    String apiKey() {
        return apiKey;
    }

    void apiBase(String base) {
        this.apiBase = base;
    }

    boolean acceptsToken(String token) {
        return token != null && token.equals(apiKey);
    }

    ObjectNode userInfo(boolean legacy) {
        ObjectNode o = Json.object();
        o.put("user_id", userId);
        if (!legacy) {
            o.put("pubkey", userPubkey);
        }
        o.putNull("flow_run_id");
        return o;
    }

    long nextStreamId() {
        return streamIds.getAndIncrement();
    }

    void countConnection() {
        connections.incrementAndGet();
    }

    void countAuthentication() {
        authentications.incrementAndGet();
    }

    void countDrop() {
        faults.otherInstance().dropped();
        drops.incrementAndGet();
    }

    void countOrigin() {
        origins.incrementAndGet();
    }

    int origins() {
        return origins.get();
    }

    int connections() {
        return connections.get();
    }

    int authentications() {
        return authentications.get();
    }

    int drops() {
        return drops.get();
    }

    /** Registers a firehose run (see {@link Firehose}); returns its flow_run_id. */
    String startFirehose(int events, int perSecond) {
        Firehose f = new Firehose(uuid(), events, perSecond, this::uuid);
        firehoses.put(f.runId(), f);
        return f.runId();
    }

    Firehose firehose(String id) {
        return firehoses.get(id);
    }

    synchronized SoRun liveRun(String id) {
        return soRuns.get(id);
    }

    synchronized List<String> liveSoRunIds() {
        return soRuns.values().stream().filter(r -> !r.finished()).map(SoRun::id).toList();
    }

    synchronized List<LyzrRunName> liveLyzrRuns() {
        return lyzrRuns.values().stream().filter(r -> !r.finished()).map(LyzrRun::name).toList();
    }

    void unsubscribeAll(SoConnection c) {
        List<SoRun> runs;
        synchronized (this) {
            runs = new ArrayList<>(soRuns.values());
        }
        for (SoRun r : runs) {
            r.unsubscribe(c);
        }
    }

    /**
     * A run started over HTTP ({@link SimActions}): {@code edit} changes the scenario's script (the
     * inputs it was given); with {@code awaitInputs} it waits on its ApiInput until answered.
     */
    String startSoRun(SoScenario scenario, java.util.function.UnaryOperator<List<SoStep>> edit, boolean awaitInputs) {
        long n = runCounter.incrementAndGet();
        String id = uuid();
        String big = scenario == SoScenario.BIG_OUTPUT ? bigText() : "";
        SoRun run = new SoRun(id, edit.apply(SoScripts.script(scenario, options.seed() + n, options, apiBase, big)));
        if (awaitInputs) {
            run.awaitInputs();
        }
        synchronized (this) {
            soRuns.put(id, run);
        }
        repeat(() -> run.emitNext(faults.holdRunsWhileUnwatched(), faults.endRunsWithoutFinish()),
                () -> schedule(options.notFoundAfter(), () -> forget(id)));
        return id;
    }

    LyzrRunName startLyzrRun(LyzrScenario scenario) {
        String flow = scenario == LyzrScenario.SUPPORT_PIPELINE ? "Customer Support Pipeline" : "Financial Data Pipeline";
        LyzrRunName name = new LyzrRunName(flow, "run-" + uuid());
        LyzrRun run = new LyzrRun(name, LyzrScripts.script(scenario, name.flow(), name.run()));
        synchronized (this) {
            lyzrRuns.put(name, run);
        }
        return name;
    }

    /**
     * The Lyzr run a socket path names; when there is none yet, {@code c} waits for a run-dag of
     * that name and null is returned (the socket stays silent until then).
     */
    synchronized LyzrRun lyzrRun(LyzrRunName name, LyzrConnection c) {
        LyzrRun run = name == null ? null : lyzrRuns.get(name);
        if (run == null && name != null) {
            parked.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
        }
        return run;
    }

    synchronized void unpark(LyzrRunName name, LyzrConnection c) {
        List<LyzrConnection> waiting = parked.get(name);
        if (waiting != null && waiting.remove(c) && waiting.isEmpty()) {
            parked.remove(name);
        }
    }

    /**
     * {@code POST /run-dag/}: starts the workflow's run (the scripted failure for the financial
     * flow, the support pipeline otherwise) under its flow_name and run_name; returns the task_id.
     * Sockets already waiting on that name are attached first.
     */
    String runDag(String flow, String runName, boolean failing) {
        LyzrRunName name = new LyzrRunName(flow, runName);
        String taskId = uuid();
        LyzrRun run;
        List<LyzrConnection> waiting;
        synchronized (this) {
            run = lyzrRuns.get(name);
            if (run == null) {
                run = new LyzrRun(name, LyzrScripts.script(failing ? LyzrScenario.FAILURE : LyzrScenario.SUPPORT_PIPELINE, flow, runName));
                lyzrRuns.put(name, run);
            }
            tasks.put(taskId, run);
            waiting = parked.remove(name);
        }
        if (waiting != null) {
            for (LyzrConnection c : waiting) {
                c.join(run);
            }
        }
        if (run.begin()) {
            play(run);
        }
        return taskId;
    }

    /** {@code GET /task-status/{task_id}}: the answer, or null for an unknown task id. */
    String taskStatus(String taskId) {
        LyzrRun run;
        synchronized (this) {
            run = tasks.get(taskId);
        }
        return run == null ? null : Json.compact(run.taskStatus());
    }

    void countTaskStatus() {
        taskStatusRequests.incrementAndGet();
    }

    int taskStatusRequests() {
        return taskStatusRequests.get();
    }

    /** Plays a Lyzr run from its first listener on. */
    void play(LyzrRun run) {
        repeat(() -> run.emitNext(faults.holdRunsWhileUnwatched()), () -> schedule(options.notFoundAfter(), () -> {
            synchronized (this) {
                lyzrRuns.remove(run.name());
            }
        }));
    }

    /** A version-4 shaped UUID from the seeded random, so runs look like the server's. */
    private synchronized String uuid() {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private synchronized void forget(String id) {
        SoRun run = soRuns.remove(id);
        if (run != null && run.output() != null) {
            outputs.put(id, Json.compact(run.output()));
        }
    }

    /** The output of a finished run, or null (unknown, or still live). */
    synchronized String finishedOutput(String id) {
        SoRun live = soRuns.get(id);
        if (live != null && live.output() != null) {
            return Json.compact(live.output());
        }
        return outputs.get(id);
    }

    /**
     * As the server answers {@code GET /flow/output}: a live run's answer is held back until the run
     * finishes (at most {@code max}, or until the simulator stops); then its output, or null.
     */
    String awaitFinishedOutput(String id, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            synchronized (this) {
                SoRun live = soRuns.get(id);
                if (live == null || live.finished() || scheduler.isShutdown() || System.nanoTime() > deadline) {
                    return finishedOutput(id);
                }
            }
            Thread.sleep(20);
        }
    }

    /** Calls {@code step} every event interval until it returns false, then {@code done}. */
    private void repeat(java.util.function.BooleanSupplier step, Runnable done) {
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        long interval = Math.max(1, options.eventInterval().toNanos());
        self.set(scheduler.scheduleWithFixedDelay(() -> {
            boolean more;
            try {
                more = step.getAsBoolean();
            } catch (RuntimeException e) {
                more = false;
            }
            if (!more) {
                ScheduledFuture<?> f;
                while ((f = self.get()) == null) {
                    Thread.onSpinWait();
                }
                f.cancel(false);
                done.run();
            }
        }, interval, interval, TimeUnit.NANOSECONDS));
    }

    void schedule(Duration delay, Runnable task) {
        if (!scheduler.isShutdown()) {
            scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    void every(Duration period, Runnable task) {
        scheduler.scheduleAtFixedRate(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized String bigText() {
        if (bigText == null) {
            String chunk = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
            bigText = chunk.repeat(options.bigOutputBytes() / chunk.length() + 1).substring(0, options.bigOutputBytes());
        }
        return bigText;
    }

    void shutdown() {
        scheduler.shutdownNow();
    }
}
