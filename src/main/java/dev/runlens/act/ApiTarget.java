package dev.runlens.act;

import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.Secret;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where actions are sent: an HTTP base ({@code http://host:port}), the credential (held as a
 * {@link Secret}, never printed), a private CA, and the operator's consent to send the credential
 * over plain {@code http://} to a host that is not loopback (the connections' rule).
 */
public record ApiTarget(URI base, Secret credential, Path truststore, boolean allowInsecure) {
    public ApiTarget {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            throw new IllegalArgumentException("the API URL must be http:// or https:// with a host");
        }
        base = URI.create(base.toString().replaceAll("/+$", ""));
    }

    /**
     * The Space Operator HTTP API beside a socket URL: {@code ws}→{@code http}, {@code wss}→{@code https},
     * same host and port; an {@code http(s)} URL is taken as it is (without its path).
     */
    public static ApiTarget spaceOperator(URI url, Secret token, Path truststore, boolean allowInsecure) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String http = switch (scheme) {
            case "ws", "http" -> "http";
            case "wss", "https" -> "https";
            default -> throw new IllegalArgumentException("the URL must start with ws://, wss://, http:// or https://");
        };
        if (url.getHost() == null) {
            throw new IllegalArgumentException("the URL has no host");
        }
        return new ApiTarget(URI.create(http + "://" + url.getRawAuthority()), token, truststore, allowInsecure);
    }

    /** Throws unless the credential may go to {@code url}: never over plain http to a remote host without consent. */
    void checkTransport(URI url) throws ActionFailure {
        if (credential != null && !allowInsecure && "http".equalsIgnoreCase(url.getScheme()) && !ConnectionRequest.isLoopback(url)) {
            throw new ActionFailure(ActionFailure.Kind.INSECURE, "http:// to " + url.getHost()
                    + " is not encrypted, so the token was not sent: use https://, or allow it explicitly (--allow-insecure).");
        }
    }

    @Override
    public String toString() {
        return "ApiTarget[" + base + ", credential=" + (credential == null ? "none" : "***") + "]";
    }
}
