package dev.runlens.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which hosts count as loopback, decided without DNS, and the Lyzr API key's consent over http://. */
class LoopbackRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"cafe", "dead", "beef", "face", "abc", "1.2.3.4.5", "127.0.0.1.nip.io", "localhost.example"})
    void aNameThatWouldNeedDnsIsRemoteAndNeverLookedUp(String host) throws Exception {
        InetAddress.getByName("127.0.0.1"); // installs the resolver (a literal: no lookup)
        int before = CountingResolverProvider.LOOKUPS.get();
        assertFalse(ConnectionRequest.isLoopback(URI.create("ws://" + host + ":8080/ws")), host);
        assertEquals(before, CountingResolverProvider.LOOKUPS.get(), "no name may be looked up for " + host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.5.6.7", "[::1]", "[0:0:0:0:0:0:0:1]"})
    void loopbackNamesAndLiteralsAreLoopback(String host) {
        assertTrue(ConnectionRequest.isLoopback(URI.create("ws://" + host + ":8080/ws")), host);
    }

    @Test
    void theLyzrKeyOverPlainHttpToARemoteHostNeedsConsent() {
        ConnectionRequest.Builder b = ConnectionRequest.builder(URI.create("ws://192.0.2.10/ws/Flow/run-1"))
                .lyzrTaskId("task-1").lyzrApiKey(Secret.of("key-1"));
        assertTrue(b.build().sendsLyzrKeyInClear());
        assertFalse(b.lyzrApi(URI.create("https://192.0.2.10")).build().sendsLyzrKeyInClear());
        assertFalse(b.lyzrApi(URI.create("http://127.0.0.1:9")).build().sendsLyzrKeyInClear());
        assertFalse(ConnectionRequest.builder(URI.create("ws://192.0.2.10/ws/Flow/run-1")).lyzrTaskId("t").build()
                .sendsLyzrKeyInClear(), "no key, nothing to protect");
    }

    @Test
    void taskStatusRefusesToSendTheKeyInClearWithoutContactingTheHost() {
        // 192.0.2.10 is a documentation address: contacting it would wait for the 10 s timeout.
        ConnectionRequest request = ConnectionRequest.builder(URI.create("ws://192.0.2.10/ws/Flow/run-1"))
                .lyzrTaskId("task-1").lyzrApiKey(Secret.of("key-1")).build();
        TaskStatusFetcher.Result r = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> TaskStatusFetcher.fetch(request, "task-1"));
        assertTrue(r.refused());
        assertEquals("Refusing to send the Lyzr API key unencrypted over http:// to 192.0.2.10: use https://, or allow "
                + "insecure connections explicitly.", r.failure());
    }
}
