package dev.runlens.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OTLP/HTTP traces receiver on loopback, as a collector's {@code otlp} receiver answers:
 * POST {@code /v1/traces} with {@code application/x-protobuf} bodies, decoded with the official
 * protobuf classes; a body that does not decode gets 400 and is not kept. It can answer 503 to the
 * first requests, or never answer at all.
 */
public final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<ExportTraceServiceRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable;
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final boolean silent;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private OtlpReceiver(int unavailableFirst, boolean silent) throws IOException {
        this.unavailable = new AtomicInteger(unavailableFirst);
        this.silent = silent;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/traces", this::handle);
        server.start();
    }

    /** Answers every good request with 200. */
    public static OtlpReceiver healthy() throws IOException {
        return new OtlpReceiver(0, false);
    }

    /** Answers 503 to the first {@code count} requests, then as {@link #healthy()}. */
    public static OtlpReceiver unavailableFirst(int count) throws IOException {
        return new OtlpReceiver(count, false);
    }

    /** Reads each request, then never answers (until closed). */
    public static OtlpReceiver silent() throws IOException {
        return new OtlpReceiver(0, true);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            posts.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (silent) {
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                rejected.incrementAndGet();
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            if (unavailable.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                rejected.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            requests.add(request);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(answer);
                }
            }
        }
    }

    public List<Span> spans() {
        List<Span> out = new ArrayList<>();
        for (ExportTraceServiceRequest r : requests) {
            out.addAll(OtlpProto.spans(r));
        }
        return out;
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Requests received, answered or not. */
    public int posts() {
        return posts.get();
    }

    /** Requests refused for a body or content type that is not OTLP protobuf. */
    public int rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
    }
}
