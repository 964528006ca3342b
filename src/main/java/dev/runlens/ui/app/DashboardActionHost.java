package dev.runlens.ui.app;

import dev.runlens.act.ApiTarget;
import dev.runlens.act.SpaceOperatorApi;
import dev.runlens.act.StartedRun;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.Secret;
import dev.runlens.ui.act.ActionHost;
import dev.runlens.ui.act.LyzrSocket;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The window's side of acting on runs: the connections it opened (with their settings, so an
 * action reaches the same server with the same token, trust and consent) and the files it replayed.
 * Actions go to the newest Space Operator connection that is still open. FX thread.
 */
final class DashboardActionHost implements ActionHost {
    private record Opened(ConnectionSettings settings, Connector.Live live) {
    }

    private final List<Opened> opened = new ArrayList<>();
    private final List<Path> replayed = new ArrayList<>();
    private final Function<ConnectionSettings, Connector.Live> connect;

    /** {@code connect} opens a new connection when the last one to the server has ended (its runs finished). */
    DashboardActionHost(Function<ConnectionSettings, Connector.Live> connect) {
        this.connect = connect;
    }

    void connected(ConnectionSettings settings, Connector.Live live) {
        opened.add(new Opened(settings, live));
    }

    void opened(Path file) {
        replayed.add(file);
    }

    /** The newest Space Operator connection, preferring one that is still open; null when there was none. */
    private Opened spaceOperatorConnection() {
        Opened ended = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            Opened o = opened.get(i);
            if (o.settings().protocol() != ProtocolChoice.LYZR) {
                if (!o.live().state().terminal()) {
                    return o;
                }
                ended = ended == null ? o : ended;
            }
        }
        return ended;
    }

    @Override
    public SpaceOperatorApi spaceOperator() {
        Opened o = spaceOperatorConnection();
        if (o == null) {
            return null;
        }
        // The token is read now, as when connecting (environment, file or the typed field), and held as a Secret.
        ConnectionRequest r = LiveConnector.request(o.settings());
        return new SpaceOperatorApi(ApiTarget.spaceOperator(r.url(), r.token(), r.truststore(), r.allowInsecure()));
    }

    @Override
    public void subscribe(String runId) {
        Opened o = spaceOperatorConnection();
        if (o == null) {
            return;
        }
        if (o.live().state().terminal()) {
            // Its runs ended and it closed: the new run gets a connection of its own, to the same server.
            ConnectionSettings s = o.settings();
            connect.apply(new ConnectionSettings(s.url(), s.protocol(), s.token(), List.of(runId), s.lyzrFlow(), s.lyzrRun(), s.limits()));
        } else {
            o.live().subscribe(runId);
        }
    }

    @Override
    public void noteStarted(StartedRun run) {
        Opened o = spaceOperatorConnection();
        if (o != null) {
            o.live().note(StartedRun.META, run.metaFields());
        }
    }

    @Override
    public LyzrSocket openLyzr(URI socketBase, String flow, String run, boolean allowInsecure) {
        ConnectionSettings.Limits limits = new ConnectionSettings.Limits(null, null, null, null, allowInsecure);
        Connector.Live live = connect.apply(new ConnectionSettings(socketBase.toString(), ProtocolChoice.LYZR, new TokenSource.None(),
                List.of(), flow, run, limits));
        return live == null ? null : new LyzrSocket() {
            @Override
            public ConnectionState state() {
                return live.state();
            }

            @Override
            public void reconcileWith(String taskId, Secret key, URI api) {
                live.lyzrTaskId(taskId, key, api);
            }

            @Override
            public void note(String kind, Map<String, ?> fields) {
                live.note(kind, fields);
            }

            @Override
            public void close() {
                live.close();
            }
        };
    }

    @Override
    public List<Path> recordings() {
        return Stream.concat(opened.stream().map(o -> o.live().recording()).filter(Objects::nonNull), replayed.stream()).toList();
    }
}
