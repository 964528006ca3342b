package dev.runlens.replay;

/** Decides, for {@link ReplayIndex#pickRows}, whether a row belongs to what is asked for. */
@FunctionalInterface
public interface RowTest {
    /**
     * {@code node} and {@code times}: the (node, times) of the execution the row's event touches,
     * as the index knows it; null and {@link Integer#MIN_VALUE} when it touches none (not a node
     * event, no execution number, or after its run's end).
     */
    boolean test(String node, int times);
}
