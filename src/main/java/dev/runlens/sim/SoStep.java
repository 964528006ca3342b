package dev.runlens.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One scripted Space Operator event: its kind and its fields except {@code time} and {@code flow_run_id}. */
record SoStep(String kind, ObjectNode fields) {
}
