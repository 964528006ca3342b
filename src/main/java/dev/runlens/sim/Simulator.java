package dev.runlens.sim;

import dev.runlens.connect.LyzrUrls;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The simulator: a real Tyrus WebSocket server on 127.0.0.1 playing scripted Space Operator runs
 * on {@code /ws} (v2, or v1 when asked) and Lyzr runs on {@code /ws/{flow}/{run}}. It is the
 * built-in demo and what connection tests talk to.
 */
public final class Simulator implements AutoCloseable {
    private final SimState state;
    private final LoopbackServer server;
    private volatile boolean closed;

    private Simulator(SimState state, LoopbackServer server) {
        this.state = state;
        this.server = server;
    }

    /** Starts listening on 127.0.0.1 ({@code port} 0 picks a free port). */
    public static Simulator start(SimulatorOptions options) throws IOException {
        SimState state = new SimState(options);
        LoopbackServer server = new LoopbackServer(options.tls());
        try {
            server.addEndpoint(config("/ws", new SimEndpoint(state, false), state));
            server.addEndpoint(config("/ws/{flow}/{run}", new SimEndpoint(state, true), state));
            server.addHttpHandler("/flow/output/*", new OutputHandler(state));
            // One instance per mapping: Grizzly keys its mappings by handler.
            server.addHttpHandler("/run-dag/*", new LyzrApiHandler(state));
            server.addHttpHandler("/task-status/*", new LyzrApiHandler(state));
            SimActions actions = new SimActions(state);
            server.addHttpHandler("/flow/start/*", new FlowStartHandler(actions));
            server.addHttpHandler("/flow/stop/*", new FlowStopHandler(actions));
            server.addHttpHandler("/flow/api_input/*", new ApiInputHandler(actions));
            server.start("/", options.port());
        } catch (DeploymentException | IOException e) {
            server.stop();
            state.shutdown();
            throw new IOException("cannot start the simulator on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        Simulator sim = new Simulator(state, server);
        state.apiBase("http://127.0.0.1:" + sim.port());
        if (options.demoRunsAtStart()) {
            for (SoScenario s : SoScenario.values()) {
                sim.startRun(s);
            }
            for (LyzrScenario s : LyzrScenario.values()) {
                sim.startLyzrRun(s);
            }
        }
        if (options.newRunEvery() != null && !options.newRunEvery().isZero()) {
            int[] turn = {0};
            state.every(options.newRunEvery(), () -> {
                int t = turn[0]++;
                int so = SoScenario.values().length;
                if (t % (so + 1) < so) {
                    sim.startRun(SoScenario.values()[t % (so + 1)]);
                } else {
                    sim.startLyzrRun(LyzrScenario.values()[(t / (so + 1)) % LyzrScenario.values().length]);
                }
            });
        }
        return sim;
    }

    private static ServerEndpointConfig config(String path, Endpoint endpoint, SimState state) {
        return ServerEndpointConfig.Builder.create(endpoint.getClass(), path)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(endpoint);
                    }

                    @Override
                    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
                        if (request.getHeaders().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Origin"))) {
                            state.countOrigin();
                        }
                    }
                })
                .build();
    }

    public int port() {
        return server.getPort();
    }

    /** {@code ws://127.0.0.1:PORT/ws} ({@code wss://} when serving TLS). */
    public URI spaceOperatorUrl() {
        return URI.create(scheme() + "://127.0.0.1:" + port() + "/ws");
    }

    /** {@code ws://127.0.0.1:PORT/ws/{flow}/{run}}, segments percent-encoded. */
    public URI lyzrUrl(String flowName, String runName) {
        return LyzrUrls.of(URI.create(scheme() + "://127.0.0.1:" + port()), flowName, runName);
    }

    /** Where Lyzr's HTTP API ({@code /run-dag/}, {@code /task-status/{id}}) is served: {@code http(s)://127.0.0.1:PORT}. */
    public URI lyzrApiUrl() {
        return URI.create((state.options().tls() != null ? "https" : "http") + "://127.0.0.1:" + port());
    }

    /** {@code GET /task-status} requests received so far. */
    public int taskStatusRequests() {
        return state.taskStatusRequests();
    }

    private String scheme() {
        return state.options().tls() != null ? "wss" : "ws";
    }

    /** The API key this simulator accepts. */
    public String demoToken() {
        return state.apiKey();
    }

    /** Space Operator runs that have not finished yet, oldest first. */
    public List<String> liveSpaceOperatorRuns() {
        return state.liveSoRunIds();
    }

    /** Lyzr runs that have not finished (or not started: they start when a client connects). */
    public List<LyzrRunName> liveLyzrRuns() {
        return state.liveLyzrRuns();
    }

    /** The flow id that {@code POST /flow/start/{flow_id}} starts {@code scenario} with. */
    public static String flowId(SoScenario scenario) {
        return SimActions.flowId(scenario);
    }

    /** Starts a scripted Space Operator run now; returns its flow_run_id. */
    public String startRun(SoScenario scenario) {
        return state.startSoRun(scenario, UnaryOperator.identity(), false);
    }

    /** Prepares a Lyzr run; it plays once its first client connects to {@link #lyzrUrl}. */
    public LyzrRunName startLyzrRun(LyzrScenario scenario) {
        return state.startLyzrRun(scenario);
    }

    /** Fault switches, changeable while running. */
    /**
     * Adds a firehose run for load tests: subscribing to the returned flow_run_id streams
     * {@code events} small events as fast as the socket allows ({@code perSecond} 0) or at that
     * rate, then FlowFinish. It keeps no history.
     */
    public String startFirehose(int events, int perSecond) {
        return state.startFirehose(events, perSecond);
    }

    /**
     * Adds {@code runs} runs played together for load and clock tests: once one connection has
     * subscribed to all of them, their events go out interleaved, {@code perSecond} in all (0 = as
     * fast as possible), timed by our clock plus {@code skew}; each run has {@code eventsPerRun}
     * events and, with {@code finish}, ends with FlowFinish. Returns their flow_run_ids.
     */
    public java.util.List<String> startManyRuns(int runs, int eventsPerRun, int perSecond, java.time.Duration skew, boolean finish) {
        return state.manyRuns.start(runs, eventsPerRun, perSecond, skew, finish);
    }

    public Faults faults() {
        return state.faults();
    }

    /** WebSocket connections opened so far (both protocols). */
    public int connectionsOpened() {
        return state.connections();
    }

    /** Authenticate requests received so far. */
    public int authenticateRequests() {
        return state.authentications();
    }

    /** Handshakes that carried an Origin header (browsers send one; Runlens must not). */
    public int originHeadersSeen() {
        return state.origins();
    }

    /** Connections closed by the drop fault so far. */
    public int connectionsDropped() {
        return state.drops();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        state.shutdown();
        server.stop();
    }
}
