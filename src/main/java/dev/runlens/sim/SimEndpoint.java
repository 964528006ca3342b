package dev.runlens.sim;

import dev.runlens.connect.TextHandler;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/** The simulator's WebSocket endpoint (public because Tyrus calls it reflectively): one {@link SimConnection} per session. */
public final class SimEndpoint extends Endpoint {
    private static final String CONNECTION = "runlens.sim.connection";
    private final SimState sim;
    private final boolean lyzr;

    SimEndpoint(SimState sim, boolean lyzr) {
        this.sim = sim;
        this.lyzr = lyzr;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        sim.countConnection();
        // Negative, not 0: Tyrus then schedules no idle-timeout task per frame sent (as Link does).
        session.setMaxIdleTimeout(-1);
        SimConnection connection;
        if (lyzr) {
            String[] fr = dev.runlens.connect.LyzrUrls.flowAndRun(session.getRequestURI());
            connection = new LyzrConnection(sim, session, fr == null ? null : new LyzrRunName(fr[0], fr[1]));
        } else {
            connection = new SoConnection(sim, session);
        }
        session.getUserProperties().put(CONNECTION, connection);
        session.addMessageHandler(String.class, new TextHandler(connection::onText));
        if (connection instanceof LyzrConnection c) {
            c.open();
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        Object c = session.getUserProperties().get(CONNECTION);
        if (c instanceof SimConnection sc) {
            sc.closed();
        }
    }

    @Override
    public void onError(Session session, Throwable thr) {
        onClose(session, null);
    }
}
