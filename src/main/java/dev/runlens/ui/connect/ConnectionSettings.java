package dev.runlens.ui.connect;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the operator asked to connect to. For Lyzr the run is part of the URL
 * ({@code …/ws/{flow}/{run}}); for Space Operator the flow_run_ids are listed.
 */
public record ConnectionSettings(String url, ProtocolOption protocol, TokenSource token, List<String> runIds,
                                 String lyzrFlow, String lyzrRun, Limits limits) {
    public ConnectionSettings {
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
        protocol = protocol == null ? ProtocolOption.AUTO : protocol;
        token = token == null ? new TokenSource.None() : token;
        limits = limits == null ? Limits.DEFAULT : limits;
    }

    public ConnectionSettings(String url, ProtocolOption protocol, TokenSource token, List<String> runIds, String lyzrFlow,
                              String lyzrRun) {
        this(url, protocol, token, runIds, lyzrFlow, lyzrRun, Limits.DEFAULT);
    }

    /** The command line's finer settings (null = the connection service's default). */
    public record Limits(java.time.Duration idleTimeout, java.time.Duration giveUpAfter, Long maxMessageBytes,
                         java.nio.file.Path truststore, boolean allowInsecure) {
        public static final Limits DEFAULT = new Limits(null, null, null, null, false);
    }

    /** The same settings with the operator's consent to send the token over plain {@code ws://}. */
    public ConnectionSettings allowingInsecure() {
        Limits l = new Limits(limits.idleTimeout(), limits.giveUpAfter(), limits.maxMessageBytes(), limits.truststore(), true);
        return new ConnectionSettings(url, protocol, token, runIds, lyzrFlow, lyzrRun, l);
    }

    /** The URL to open: for Lyzr with a flow and run name, the run's socket path. */
    public URI uri() {
        if (protocol == ProtocolOption.LYZR && lyzrFlow != null && !lyzrFlow.isBlank() && lyzrRun != null
                && !lyzrRun.isBlank()) {
            return lyzrUri(url, lyzrFlow, lyzrRun);
        }
        return URI.create(url.trim());
    }

    /** {@code base/ws/{flow}/{run}} with each segment percent-encoded (space as %20). */
    public static URI lyzrUri(String base, String flow, String run) {
        String b = base.trim();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        if (!b.endsWith("/ws")) {
            b = b + "/ws";
        }
        return URI.create(b + "/" + segment(flow.trim()) + "/" + segment(run.trim()));
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One line for lists and the status bar; never contains the token. */
    public String describe() {
        String what = protocol == ProtocolOption.LYZR ? lyzrFlow + "/" + lyzrRun
                : runIds.isEmpty() ? "no runs" : runIds.size() == 1 ? runIds.get(0) : runIds.size() + " runs";
        return url + " · " + what;
    }
}
