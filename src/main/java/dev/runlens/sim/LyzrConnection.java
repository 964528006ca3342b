package dev.runlens.sim;

import dev.runlens.json.Json;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.time.Duration;

/**
 * A client on {@code /ws/{flow}/{run}}: greeted, echoed, answered with pong, and sent the run's
 * frames while connected. An unknown or finished run stays silent, as Lyzr's socket does; a
 * connection to a run not posted yet waits for its run-dag (Lyzr's client connects first).
 */
final class LyzrConnection extends SimConnection {
    private final LyzrRunName name;
    private volatile LyzrRun run;

    LyzrConnection(SimState sim, Session session, LyzrRunName name) {
        super(sim, session, "sim-lyzr-connection");
        this.name = name;
    }

    void open() {
        LyzrRun known = sim.lyzrRun(name, this);
        if (known != null) {
            join(known);
        }
    }

    /** Listens to {@code r} from now on (greeted first); a finished run stays silent. */
    void join(LyzrRun r) {
        if (r.finished()) {
            return;
        }
        run = r;
        LyzrRunName n = r.name();
        later(() -> {
            send("{\"type\":\"system\",\"message\":\"Connected to workflow " + n.flow() + " run " + n.run() + "\"}", false);
            send("connection established", false);
        });
        if (r.attach(this)) {
            sim.play(r);
        }
    }

    @Override
    void onText(String text) {
        later(() -> {
            if (text.contains("\"ping\"")) {
                send("{\"event_type\":\"pong\"}", false);
            }
            send("{\"message\":" + Json.nodes().textNode("Echoing: " + text) + "}", false);
        });
    }

    void event(String text) {
        later(() -> send(text, true));
    }

    /** After flow_completed/flow_error the server closes the socket a little later. */
    void runEnded() {
        sim.schedule(Duration.ofSeconds(3), () -> later(() ->
                closeWith(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "run finished"))));
    }

    @Override
    void onClosed() {
        LyzrRun r = run;
        if (r != null) {
            r.detach(this);
        } else if (name != null) {
            sim.unpark(name, this);
        }
    }
}
