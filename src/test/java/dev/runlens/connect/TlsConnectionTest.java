package dev.runlens.connect;

import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wss:// against the simulator serving a self-signed certificate made by keytool. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsConnectionTest {
    @TempDir
    static Path dir;
    static SSLContext serverTls;
    static Path caPem;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keystore = dir.resolve("sim.p12");
        keytool("-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "sim", "-keyalg", "RSA", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2");
        caPem = dir.resolve("sim.pem");
        keytool("-exportcert", "-rfc", "-keystore", keystore.toString(), "-storepass", "changeit", "-alias", "sim",
                "-file", caPem.toString());
        KeyStore ks = KeyStore.getInstance(keystore.toFile(), "changeit".toCharArray());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "keytool failed");
    }

    private static CollectingListener run(Simulator sim, ConnectionRequest request) throws InterruptedException {
        CollectingListener l = new CollectingListener();
        try (ConnectionService s = new ConnectionService(request, l, null, SpaceOperatorConnectionTest.FAST)) {
            s.connectTimeout(Duration.ofSeconds(5));
            s.start();
            l.awaitEnd(Duration.ofSeconds(30));
        }
        return l;
    }

    @Test
    void privateCertificateIsRefusedByTheSystemTrustStore() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fastBuilder().tls(serverTls).build())) {
            String run = sim.startRun(SoScenario.BALANCE);
            CollectingListener l = run(sim, ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken())).runIds(List.of(run)).build());
            assertEquals(ConnectionState.FAILED, l.awaitEnd(Duration.ofSeconds(1)), l.snapshotStates()::toString);
            assertTrue(l.lastMessage().startsWith("TLS failure"), l.lastMessage());
            assertEquals(0, sim.authenticateRequests());
        }
    }

    @Test
    void truststoreAddsThePrivateCa() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fastBuilder().tls(serverTls).build())) {
            String run = sim.startRun(SoScenario.BALANCE);
            CollectingListener l = run(sim, ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken()))
                    .run(run).truststore(caPem).build());
            assertEquals(ConnectionState.FINISHED, l.awaitEnd(Duration.ofSeconds(1)), l.snapshotStates()::toString);
        }
    }
}
