package dev.runlens.act;

import dev.runlens.connect.Secret;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
        if (credential != null && !allowInsecure && "http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url)) {
            throw new ActionFailure(ActionFailure.Kind.INSECURE, "http:// to " + url.getHost()
                    + " is not encrypted, so the token was not sent: use https://, or allow it explicitly (--allow-insecure).");
        }
    }

    /** localhost or a loopback address literal; any other name counts as remote, without asking DNS. */
    public static boolean isLoopback(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - (host.endsWith("]") ? 1 : 0));
        }
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ApiTarget[" + base + ", credential=" + (credential == null ? "none" : "***") + "]";
    }
}
