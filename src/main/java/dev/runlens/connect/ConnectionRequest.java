package dev.runlens.connect;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to open one connection. The token is held, never printed ({@link Secret}
 * masks it, and so does {@link #toString()}).
 *
 * @param runIds Space Operator flow_run_ids; empty for Lyzr, whose run is in the URL
 * @param idleTimeout give up after this long without any frame; null = never
 * @param giveUpAfter give up after this long without a working connection; null = never
 * @param maxMessageBytes the largest message accepted (64 MB by default)
 * @param truststore a private CA (PEM/DER certificate or PKCS#12/JKS store) trusted besides the system's
 * @param allowInsecure allow sending the token over plain {@code ws://} to a host that is not loopback
 * @param lyzrTaskId the task_id run-dag answered for this Lyzr run, or null
 * @param lyzrApiKey the Lyzr API key for task-status, or null
 * @param lyzrApi the Lyzr API base ({@code https://lao.studio.lyzr.ai}), or null to derive it (see {@link #lyzrApiBase()})
 * @param notFoundRetry how long a run seen before and {@code not found} after a reconnect is looked for again
 *                      (another server instance may hold it) before it counts as ended; null = {@link #NOT_FOUND_RETRY}
 * @param quietPeriod after this long without an event, a Space Operator run is asked about with
 *                    {@code GET /flow/output} (three times as long while a SignatureRequest waits); null = {@link #QUIET_PERIOD}
 */
public record ConnectionRequest(URI url, ProtocolChoice protocol, Secret token, List<String> runIds,
                                Duration idleTimeout, Duration giveUpAfter, long maxMessageBytes, Path truststore,
                                boolean allowInsecure, String lyzrTaskId, Secret lyzrApiKey, URI lyzrApi,
                                Duration notFoundRetry, Duration quietPeriod) {
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 64L * 1024 * 1024;
    public static final Duration NOT_FOUND_RETRY = Duration.ofSeconds(30);
    public static final Duration QUIET_PERIOD = Duration.ofMinutes(5);

    public ConnectionRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(protocol, "protocol");
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("the URL must start with ws:// or wss://");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("the URL has no host");
        }
        if (maxMessageBytes <= 0 || maxMessageBytes > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("the message limit must be between 1 byte and 2 GB");
        }
        if (lyzrTaskId != null && lyzrTaskId.isBlank()) {
            lyzrTaskId = null;
        }
        notFoundRetry = notFoundRetry == null ? NOT_FOUND_RETRY : notFoundRetry;
        quietPeriod = quietPeriod == null ? QUIET_PERIOD : quietPeriod;
        if (notFoundRetry.isNegative() || quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("the not-found retry must not be negative and the quiet period must be positive");
        }
        if (lyzrApi != null) {
            String s = lyzrApi.getScheme() == null ? "" : lyzrApi.getScheme().toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https") || lyzrApi.getHost() == null) {
                throw new IllegalArgumentException("the Lyzr API URL must be http:// or https:// with a host");
            }
        }
    }

    /** The same request asking task-status with {@code key} at {@code api} (null: derived from the socket). */
    public ConnectionRequest withLyzrApi(Secret key, URI api) {
        return new ConnectionRequest(url, protocol, token, runIds, idleTimeout, giveUpAfter, maxMessageBytes, truststore,
                allowInsecure, lyzrTaskId, key, api != null ? api : lyzrApi, notFoundRetry, quietPeriod);
    }

    /**
     * Where {@code task-status} is asked: {@link #lyzrApi} when given, else derived from the socket
     * URL: {@code ws}→{@code http}, {@code wss}→{@code https}, same port, and Lyzr's socket host
     * {@code lao-socket.*} becomes its API host {@code lao.*} (other hosts stay as they are, as
     * on the simulator, which serves both on one port).
     */
    public URI lyzrApiBase() {
        if (lyzrApi != null) {
            return URI.create(lyzrApi.toString().replaceAll("/+$", ""));
        }
        String scheme = "wss".equalsIgnoreCase(url.getScheme()) ? "https" : "http";
        String host = url.getHost();
        if (host.toLowerCase(Locale.ROOT).startsWith("lao-socket.")) {
            host = "lao." + host.substring("lao-socket.".length());
        }
        return URI.create(scheme + "://" + host + (url.getPort() >= 0 ? ":" + url.getPort() : ""));
    }

    /** How often the connection's timer looks at quiet runs and the idle timeout: a quarter of the shorter, 50 ms to 1 s. */
    long tickMillis() {
        long quarter = (idleTimeout == null ? quietPeriod : idleTimeout.compareTo(quietPeriod) < 0 ? idleTimeout : quietPeriod).toMillis() / 4;
        return Math.max(50, Math.min(1000, quarter));
    }

    /** Why a connection with an idle timeout gives up after a silence. */
    String idleSentence() {
        return "No frame for " + idleTimeout.toSeconds() + " s: the run is probably unknown to the server or already finished ("
                + (effectiveProtocol() == ProtocolChoice.LYZR ? "Lyzr stays silent then" : "or the stream stalled") + ").";
    }

    public static Builder builder(URI url) {
        return new Builder(url);
    }

    /** AUTO resolved by the URL: {@code .../ws/{flow}/{run}} is Lyzr, anything else Space Operator. */
    public ProtocolChoice effectiveProtocol() {
        return effectiveProtocol(url, protocol);
    }

    private static ProtocolChoice effectiveProtocol(URI url, ProtocolChoice protocol) {
        // Space Operator serves exactly /ws; a path /ws/{flow}/{run} can only be Lyzr.
        return protocol != ProtocolChoice.AUTO || LyzrUrls.flowAndRun(url) == null ? protocol : ProtocolChoice.LYZR;
    }

    /**
     * Whether this request's token would cross the network unencrypted: plain {@code ws://} to a
     * host that is not loopback (Lyzr sends no token on its socket). Needs {@link #allowInsecure()}.
     */
    public boolean sendsTokenInClear() {
        return tokenInClear(url, protocol, token != null);
    }

    /** {@link #sendsTokenInClear()} for a request not built yet (the Connect dialog asks before building). */
    public static boolean tokenInClear(URI url, ProtocolChoice protocol, boolean hasToken) {
        return hasToken && effectiveProtocol(url, protocol) != ProtocolChoice.LYZR && plainToRemoteHost(url);
    }

    /**
     * Whether the Lyzr API key would cross the network unencrypted: task-status over plain
     * {@code http://} to a host that is not loopback. Needs {@link #allowInsecure()}, as the token does.
     */
    public boolean sendsLyzrKeyInClear() {
        URI api = lyzrApiBase();
        return lyzrApiKey != null && "http".equalsIgnoreCase(api.getScheme()) && !isLoopback(api);
    }

    /** Plain {@code ws://} to a host that is not loopback (Lyzr's task-status then goes over plain {@code http://}). */
    public static boolean plainToRemoteHost(URI url) {
        return "ws".equalsIgnoreCase(url.getScheme()) && !isLoopback(url);
    }

    /**
     * localhost or a loopback address literal; any other name counts as remote. Never asks DNS:
     * {@link InetAddress#ofLiteral} only parses (getByName looked up names such as {@code cafe}).
     */
    public static boolean isLoopback(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost") || host.equals("localhost.")) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The URL without user info or query, safe for logs and headers. */
    public String displayUrl() {
        return displayUrl(url);
    }

    public static String displayUrl(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() != null ? url.getRawPath() : "");
    }

    @Override
    public String toString() {
        return "ConnectionRequest[url=" + displayUrl() + ", protocol=" + protocol.id() + ", token="
                + (token == null ? "none" : "***") + ", runIds=" + runIds
                + (lyzrTaskId == null ? "" : ", lyzrTaskId=" + lyzrTaskId) + (lyzrApiKey == null ? "" : ", lyzrApiKey=***") + "]";
    }

    public static final class Builder {
        private final URI url;
        private ProtocolChoice protocol = ProtocolChoice.AUTO;
        private Secret token;
        private final List<String> runIds = new ArrayList<>();
        private Duration idleTimeout;
        private Duration giveUpAfter;
        private long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Path truststore;
        private boolean allowInsecure;
        private String lyzrTaskId;
        private Secret lyzrApiKey;
        private URI lyzrApi;
        private Duration notFoundRetry;
        private Duration quietPeriod;

        private Builder(URI url) {
            this.url = url;
        }

        public Builder protocol(ProtocolChoice p) {
            this.protocol = p;
            return this;
        }

        public Builder token(Secret t) {
            this.token = t;
            return this;
        }

        public Builder runIds(List<String> ids) {
            if (ids != null) {
                runIds.addAll(ids);
            }
            return this;
        }

        public Builder run(String id) {
            runIds.add(id);
            return this;
        }

        public Builder idleTimeout(Duration d) {
            this.idleTimeout = d;
            return this;
        }

        public Builder giveUpAfter(Duration d) {
            this.giveUpAfter = d;
            return this;
        }

        public Builder maxMessageBytes(long n) {
            this.maxMessageBytes = n;
            return this;
        }

        public Builder truststore(Path p) {
            this.truststore = p;
            return this;
        }

        public Builder allowInsecure(boolean b) {
            this.allowInsecure = b;
            return this;
        }

        /** The task_id that run-dag answered: with an API key, the run is reconciled from task-status after gaps. */
        public Builder lyzrTaskId(String id) {
            this.lyzrTaskId = id;
            return this;
        }

        public Builder lyzrApiKey(Secret key) {
            this.lyzrApiKey = key;
            return this;
        }

        /** The Lyzr API base; null derives it from the socket URL. */
        public Builder lyzrApi(URI base) {
            this.lyzrApi = base;
            return this;
        }

        /** How long a run {@code not found} after a reconnect is looked for again; null = 30 s, zero = not at all. */
        public Builder notFoundRetry(Duration d) {
            this.notFoundRetry = d;
            return this;
        }

        /** How long a Space Operator run may stay quiet before {@code GET /flow/output} is asked; null = 5 min. */
        public Builder quietPeriod(Duration d) {
            this.quietPeriod = d;
            return this;
        }

        public ConnectionRequest build() {
            return new ConnectionRequest(url, protocol, token, runIds, idleTimeout, giveUpAfter, maxMessageBytes,
                    truststore, allowInsecure, lyzrTaskId, lyzrApiKey, lyzrApi, notFoundRetry, quietPeriod);
        }
    }
}
