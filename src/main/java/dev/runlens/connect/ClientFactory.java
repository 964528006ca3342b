package dev.runlens.connect;

import jakarta.websocket.ClientEndpointConfig;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.client.ThreadPoolConfig;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

/** Builds the Tyrus client for one request: message limit, capped worker pool, TLS, no Origin header. */
final class ClientFactory {
    static final long HANDSHAKE_TIMEOUT_MS = 15_000;

    private ClientFactory() {
    }

    static ClientManager client(ConnectionRequest request) throws GeneralSecurityException, IOException {
        ClientManager client = ClientManager.createClient();
        Map<String, Object> p = client.getProperties();
        // Tyrus' default incoming buffer is about 4 MB; node payloads can be far larger.
        p.put(ClientProperties.INCOMING_BUFFER_SIZE, (int) request.maxMessageBytes() + 1024);
        // Grizzly's worker pool is unbounded by default.
        p.put(ClientProperties.WORKER_THREAD_POOL_CONFIG, ThreadPoolConfig.defaultConfig()
                .setCorePoolSize(1).setMaxPoolSize(4).setDaemon(true).setPoolName("runlens-ws-worker"));
        p.put(ClientProperties.HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT_MS);
        if ("wss".equalsIgnoreCase(request.url().getScheme())) {
            SslEngineConfigurator tls = new SslEngineConfigurator(TlsContexts.create(request.truststore()), true, false, false);
            tls.setHostVerificationEnabled(true);
            p.put(ClientProperties.SSL_ENGINE_CONFIGURATOR, tls);
        }
        return client;
    }

    /**
     * The URI to hand to Tyrus. Its Grizzly client writes the request line from the decoded path,
     * so {@code /ws/Customer%20Support} would go out with a raw space (and get HTTP 505). Escaping
     * each {@code %} once more makes exactly the original encoding reach the wire.
     */
    static URI wireUri(URI url) {
        String rawPath = url.getRawPath();
        if (rawPath == null || rawPath.indexOf('%') < 0) {
            return url;
        }
        String s = url.getScheme() + "://" + url.getRawAuthority() + rawPath.replace("%", "%25")
                + (url.getRawQuery() != null ? "?" + url.getRawQuery() : "");
        return URI.create(s);
    }

    /** Space Operator's server has CORS rules for browsers: a desktop client sends no Origin. */
    static ClientEndpointConfig endpointConfig() {
        return ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.keySet().removeIf(k -> k.equalsIgnoreCase("Origin"));
                    }
                })
                .build();
    }
}
