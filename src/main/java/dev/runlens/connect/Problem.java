package dev.runlens.connect;

import jakarta.websocket.CloseReason;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeoutException;

/** Why a connection failed or ended: the state it leads to, one sentence, and whether to retry. */
record Problem(ConnectionState state, String sentence, boolean retry) {

    static Problem ofConnectFailure(Throwable error, URI url) {
        String host = url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new Problem(ConnectionState.RECONNECTING,
                        "The host name " + url.getHost() + " could not be resolved (DNS failure).", true);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new Problem(ConnectionState.RECONNECTING,
                        "The connection to " + host + " was refused: is the server running there?", true);
            }
            if (t instanceof TlsContexts.UnusableTrustStore) {
                String m = t.getMessage();
                return new Problem(ConnectionState.FAILED, Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".", false);
            }
            if (t instanceof SSLException || t instanceof GeneralSecurityException) {
                return new Problem(ConnectionState.FAILED, "TLS failure with " + host
                        + ": the server's certificate could not be verified (a private CA needs --truststore).", false);
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return new Problem(ConnectionState.RECONNECTING, "Connecting to " + host + " timed out"
                        + ("wss".equalsIgnoreCase(url.getScheme()) ? " (is it really a TLS server?)." : "."), true);
            }
            int status = httpStatus(t);
            if (status > 0) {
                boolean transientStatus = status >= 500 || status == 408 || status == 429;
                return new Problem(transientStatus ? ConnectionState.RECONNECTING : ConnectionState.FAILED,
                        "The server answered HTTP " + status + " instead of accepting a WebSocket"
                                + (transientStatus ? "." : ": check the URL (Space Operator serves /ws, Lyzr /ws/{flow}/{run})."),
                        transientStatus);
            }
        }
        String what = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new Problem(ConnectionState.RECONNECTING, "Could not connect to " + host + ": " + what + ".", true);
    }

    /** Tyrus reports a non-101 answer as a HandshakeException carrying the HTTP status. */
    private static int httpStatus(Throwable t) {
        if (t.getClass().getName().endsWith("HandshakeException")) {
            try {
                Object s = t.getClass().getMethod("getHttpStatusCode").invoke(t);
                return s instanceof Integer i ? i : 0;
            } catch (ReflectiveOperationException e) {
                return 0;
            }
        }
        return 0;
    }

    static Problem ofClose(CloseReason reason, long maxMessageBytes) {
        int code = reason.getCloseCode().getCode();
        if (code == 1011 && reason.getReasonPhrase() != null && reason.getReasonPhrase().contains("Buffer overflow")) {
            code = 1009; // Tyrus closes its own side with 1011 "Buffer overflow." when a message exceeds the buffer
        }
        String phrase = reason.getReasonPhrase() == null || reason.getReasonPhrase().isBlank()
                ? "" : " (\"" + reason.getReasonPhrase() + "\")";
        switch (code) {
            case 1007:
                return new Problem(ConnectionState.FAILED,
                        "The server closed the connection because it found invalid data (close code 1007)" + phrase + ".", false);
            case 1008:
                return new Problem(ConnectionState.FAILED,
                        "The server closed the connection for a policy violation (close code 1008)" + phrase + ".", false);
            case 1009:
                return new Problem(ConnectionState.FAILED, "A message was larger than the limit of "
                        + (maxMessageBytes / (1024 * 1024)) + " MB (close code 1009): raise the message limit.", false);
            case 1011:
                return new Problem(ConnectionState.RECONNECTING,
                        "The server closed the connection after an internal error (close code 1011)" + phrase + ".", true);
            case 1006:
                return new Problem(ConnectionState.RECONNECTING, "The connection was lost without a close frame (1006).", true);
            default:
                return new Problem(ConnectionState.RECONNECTING,
                        "The server closed the connection (close code " + code + ")" + phrase + ".", true);
        }
    }
}
