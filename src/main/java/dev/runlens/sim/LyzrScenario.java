package dev.runlens.sim;

/** The scripted Lyzr workflow runs the simulator can play. */
public enum LyzrScenario {
    /** Customer support pipeline: sentiment, categorise, update CRM; completes. */
    SUPPORT_PIPELINE,
    /** Financial data pipeline: validation fails, the flow errors out. */
    FAILURE,
    /**
     * A hostile peer: numbers with absurd exponents ({@code 1e400000000}) in an output, an
     * execution_time and the final timestamp; completes.
     */
    HUGE_NUMBERS
}
