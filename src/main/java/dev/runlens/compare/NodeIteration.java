package dev.runlens.compare;

import dev.runlens.model.Execution;

/** How executions of two runs are matched: node id (Lyzr: task name) and iteration (times). */
public record NodeIteration(String node, int times) {
    public static NodeIteration of(Execution e) {
        return new NodeIteration(e.node(), e.times());
    }

    @Override
    public String toString() {
        return node + "#" + times;
    }
}
