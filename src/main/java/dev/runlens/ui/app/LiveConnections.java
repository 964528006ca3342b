package dev.runlens.ui.app;

import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.ui.dashboard.Feed;

import java.util.ArrayList;
import java.util.List;

/** The window's live connections: each feeds the bridge and records; a problem is shown on its feed, never thrown. */
final class LiveConnections {
    private final Connector connector;
    private final FrameBridge bridge;
    private final List<Connector.Live> open = new ArrayList<>();

    LiveConnections(Connector connector, FrameBridge bridge) {
        this.connector = connector;
        this.bridge = bridge;
    }

    boolean available() {
        return connector != null;
    }

    /** The opened connection, or null when it could not be opened (said on its feed). */
    Connector.Live open(ConnectionSettings settings) {
        Feed feed = bridge.newFeed(settings.uri().getHost() + ":" + settings.uri().getPort() + settings.uri().getPath(), true);
        try {
            Connector.Live live = connector.open(settings, bridge.listener(feed));
            // A full disk stops the recording, not the window: the runs go on arriving and showing.
            live.onRecordingFailure(sentence -> {
                System.err.println("runlens: " + sentence);
                bridge.problem(feed, sentence);
            });
            open.add(live);
            return live;
        } catch (Exception e) {
            bridge.problem(feed, "could not connect to " + settings.url() + ": " + e.getMessage());
            return null;
        }
    }

    List<Connector.Live> all() {
        return List.copyOf(open);
    }

    void closeAll() {
        for (Connector.Live c : open) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // Closing is best effort; the recorder flushes on its own thread.
            }
        }
        open.clear();
    }
}
