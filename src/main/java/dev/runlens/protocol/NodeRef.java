package dev.runlens.protocol;

/**
 * The node an event belongs to. Space Operator gives node_id and times; Lyzr gives a task name,
 * maybe a task_id, and no times (the run model counts them), so {@code times} may be null.
 */
public record NodeRef(String node, Integer times, String taskId) {
    public static NodeRef spaceOperator(String nodeId, int times) {
        return new NodeRef(nodeId, times, null);
    }

    public static NodeRef lyzr(String taskName, String taskId) {
        return new NodeRef(taskName, null, taskId);
    }
}
