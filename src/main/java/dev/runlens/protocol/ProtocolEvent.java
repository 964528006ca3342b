package dev.runlens.protocol;

/** What one received frame turned out to be: a run event, a control frame, or malformed input. */
public sealed interface ProtocolEvent permits RunEvent, ControlEvent, MalformedFrame {
}
