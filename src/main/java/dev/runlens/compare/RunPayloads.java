package dev.runlens.compare;

import dev.runlens.model.Execution;
import dev.runlens.protocol.Payload;
import dev.runlens.protocol.RunEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * The input and the latest output of each execution of one run: what the comparison needs of the
 * payloads, and nothing else (no logs, no partial outputs that were overwritten).
 */
public final class RunPayloads {
    private final Map<NodeIteration, Payload> inputs = new HashMap<>();
    private final Map<NodeIteration, Payload> outputs = new HashMap<>();

    /** Keeps what {@code event} carries for {@code touched}, the execution the run model applied it to. */
    public void accept(RunEvent event, Execution touched) {
        if (touched == null) {
            return;
        }
        NodeIteration key = NodeIteration.of(touched);
        switch (event) {
            case RunEvent.NodeStarted e when e.input() != null -> inputs.put(key, e.input());
            case RunEvent.NodeOutput e when e.output() != null -> outputs.put(key, e.output());
            case RunEvent.NodeFinished e when e.output() != null -> outputs.put(key, e.output());
            default -> {
            }
        }
    }

    /** A copy to hand to another thread: the payloads themselves are immutable. */
    public RunPayloads copy() {
        RunPayloads c = new RunPayloads();
        c.inputs.putAll(inputs);
        c.outputs.putAll(outputs);
        return c;
    }

    public Payload input(NodeIteration key) {
        return inputs.get(key);
    }

    public Payload output(NodeIteration key) {
        return outputs.get(key);
    }

    /** How many payloads are kept, for tests and the live view's status line. */
    public int size() {
        return inputs.size() + outputs.size();
    }
}
