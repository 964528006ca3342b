package dev.runlens.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A truststore that is not one stops the connection service at once, named as the operator's file, not the server's certificate. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrustStoreFailureTest {
    @TempDir
    Path dir;

    @Test
    void anUnusableTruststoreIsNeverRetriedNorBlamedOnTheServer() throws Exception {
        Path garbage = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        CollectingListener l = new CollectingListener();
        long start = System.nanoTime();
        try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(URI.create("wss://127.0.0.1:1/ws"))
                .token(Secret.of("b3-truststore-test-token")).run("r").truststore(garbage).build(), l, null, SpaceOperatorConnectionTest.FAST)) {
            s.start();
            l.awaitEnd(Duration.ofSeconds(20));
            assertEquals(ConnectionState.FAILED, s.state());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals("The truststore " + garbage + " is neither a PEM or DER certificate nor a PKCS#12 or JKS key store.", l.lastMessage());
        assertFalse(l.snapshotStates().stream().anyMatch(s -> s.startsWith("RECONNECTING")), l.snapshotStates().toString());
    }
}
