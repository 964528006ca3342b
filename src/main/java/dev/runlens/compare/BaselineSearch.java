package dev.runlens.compare;

import dev.runlens.history.PastRun;

import java.util.Optional;

/**
 * The default baseline the history offers a run, if any; {@code ambiguous} when a live Space
 * Operator run's nodes so far belong to more than one past flow, so none can be chosen yet.
 */
public record BaselineSearch(Optional<PastRun> found, boolean ambiguous) {
    public static final BaselineSearch NONE = new BaselineSearch(Optional.empty(), false);
}
