package dev.runlens.sim;

/** The scripted Space Operator runs the simulator can play. */
public enum SoScenario {
    /** Three nodes: a pubkey input, get_balance (with a partial output), an output node. */
    BALANCE,
    /** A foreach whose body runs several iterations at once ({@code times} 0..n-1). */
    FOREACH,
    /** A node fails with two NodeErrors; "1 nodes failed"; one node never runs. */
    FAILING,
    /** A node waits for a wallet signature, another for an API input. */
    SIGNATURE_AND_API_INPUT,
    /** A node outputs a payload of {@link SimulatorOptions#bigOutputBytes()} (20 MB by default). */
    BIG_OUTPUT
}
