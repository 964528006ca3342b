package dev.runlens.sim;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.ServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.Collections;

/**
 * A Tyrus server container on Grizzly bound to 127.0.0.1 only. Tyrus' own Grizzly container
 * always listens on 0.0.0.0, so this one builds the listener itself (mirroring it) and caps the
 * worker pool, since Grizzly's default pool grows without bound.
 */
final class LoopbackServer extends TyrusServerContainer {
    static final String HOST = "127.0.0.1";

    private final WebSocketEngine engine;
    private volatile String contextPath = "/";
    private HttpServer http;
    private final java.util.Map<String, org.glassfish.grizzly.http.server.HttpHandler> handlers = new java.util.LinkedHashMap<>();
    private NetworkListener listener;

    private final SSLContext tls;

    LoopbackServer(SSLContext tls) {
        super(Collections.<Class<?>>emptySet());
        this.tls = tls;
        this.engine = TyrusWebSocketEngine.builder(this).build();
    }

    /** Plain HTTP next to the WebSocket endpoints (before {@link #start}). */
    void addHttpHandler(String path, org.glassfish.grizzly.http.server.HttpHandler handler) {
        handlers.put(path, handler);
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, contextPath);
    }

    /** Tyrus 2.2.2 asks every container for its properties: this one has none. */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return Collections.emptyMap();
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    @Override
    public void start(String rootPath, int port) throws IOException, DeploymentException {
        contextPath = rootPath;
        http = new HttpServer();
        listener = new NetworkListener("runlens-simulator", HOST, port);
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("runlens-sim-worker").setCorePoolSize(2).setMaxPoolSize(8).setDaemon(true));
        // Every write goes through the connection's queue, whose writer gathers the queued frames
        // into one socket write: a history replay of thousands of small frames then costs a few
        // writes instead of one system call per frame (and the reader gets them in few reads).
        listener.getTransport().getAsyncQueueIO().getWriter().setAllowDirectWrite(false);
        if (tls != null) {
            listener.setSecure(true);
            listener.setSSLEngineConfig(new SSLEngineConfigurator(tls, false, false, false));
        }
        http.addListener(listener);
        listener.registerAddOn(addOn(this, rootPath));
        handlers.forEach((path, handler) -> http.getServerConfiguration().addHttpHandler(handler, path));
        http.start();
        super.start(rootPath, port);
    }

    @Override
    public int getPort() {
        return listener == null ? -1 : listener.getPort();
    }

    @Override
    public void stop() {
        // The transport first: once no frame can arrive, Tyrus' executors may stop. The other
        // order lets a late frame reach a session whose scheduler has terminated (GRIZZLY0013).
        try {
            if (http != null) {
                http.shutdownNow();
            }
        } finally {
            super.stop();
        }
    }

    /** Tyrus' Grizzly add-on has a package-private constructor; it is the supported way to plug Tyrus into Grizzly. */
    private static AddOn addOn(ServerContainer container, String rootPath) throws IOException {
        try {
            Constructor<WebSocketAddOn> c = WebSocketAddOn.class.getDeclaredConstructor(ServerContainer.class, String.class);
            c.setAccessible(true);
            return c.newInstance(container, rootPath);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot set up the WebSocket server: " + e, e);
        }
    }
}
