package dev.runlens.otlp;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test receiver is not a stub that accepts anything: a body that is not an ExportTraceServiceRequest is refused. */
class OtlpReceiverTest {

    @Test
    void bodyThatIsNotAnExportTraceServiceRequestGets400() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.healthy(); HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest bad = HttpRequest.newBuilder(URI.create(receiver.base() + "/v1/traces"))
                    .header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0x0a, (byte) 0xff, 0x01}))
                    .build();
            assertEquals(400, client.send(bad, HttpResponse.BodyHandlers.discarding()).statusCode());
            HttpRequest json = HttpRequest.newBuilder(URI.create(receiver.base() + "/v1/traces"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            assertEquals(415, client.send(json, HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(2, receiver.rejected());
            assertTrue(receiver.spans().isEmpty());
        }
    }
}
