package dev.runlens.log;

import java.time.Instant;

/** The first line of a session log. The URL never carries credentials. */
public record SessionHeader(int version, String protocol, String url, Instant startedAt, String app) {
}
