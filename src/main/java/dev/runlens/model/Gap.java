package dev.runlens.model;

import java.time.Instant;

/** A stretch in which events may have been missed (a Lyzr reconnect has no replay). */
public record Gap(Instant from, Instant to, String reason) {
}
