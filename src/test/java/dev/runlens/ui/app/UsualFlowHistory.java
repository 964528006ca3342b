package dev.runlens.ui.app;

import dev.runlens.history.FlowKey;
import dev.runlens.history.PastRun;
import dev.runlens.history.RunHistory;
import dev.runlens.history.UsualDuration;

import java.util.List;
import java.util.Map;

/** A history in which every task of the simulator's Lyzr flow {@link #FLOW} usually takes 5 ms, 10 ms at worst. */
final class UsualFlowHistory implements RunHistory {
    static final String FLOW = "Customer Support Pipeline";

    @Override
    public List<PastRun> succeededRuns(FlowKey flow, int limit) {
        return List.of();
    }

    @Override
    public Map<String, UsualDuration> usualDurations(FlowKey flow, int runs) {
        if (!flow.equals(FlowKey.lyzr(FLOW))) {
            return Map.of();
        }
        return Map.of("sentiment_analyzer", new UsualDuration("sentiment_analyzer", runs, 5, 10),
                "update_crm", new UsualDuration("update_crm", runs, 5, 10));
    }
}
