package dev.runlens.cli;

import dev.runlens.connect.Backoff;
import dev.runlens.connect.Secret;
import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.UsageException;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code record}'s guards: secrets, truststores, a missing token, a full disk. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RecordGuardsTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40));

    @TempDir
    Path dir;
    private Simulator sim;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Runs record as the root command: its sentences start with {@code runlens:} here. */
    private int record(Map<String, String> environment, String... args) {
        return CommandLines.execute(new RecordCommand(environment::get, FAST), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLyzrKeyIsNotSentOverPlainHttpToARemoteHostWithoutConsent() {
        assertEquals(ExitCodes.USAGE, record(Map.of("LYZR_API_KEY", "lyzr-key-1"), "--url", "ws://192.0.2.10/ws/Flow/run-1",
                "--lyzr-task-id", "task-1", "--out", dir.resolve("l.jsonl").toString()));
        assertEquals("runlens: refusing to send the Lyzr API key unencrypted over http:// to 192.0.2.10: use an https:// "
                + "--lyzr-api (or wss:// for the socket), or --allow-insecure\n", stderr());
        assertTrue(Files.notExists(dir.resolve("l.jsonl")), "refused before anything was opened");
        RecordCommand consent = parse("--url", "ws://192.0.2.10/ws/Flow/run-1", "--lyzr-task-id", "task-1", "--allow-insecure");
        assertDoesNotThrow(() -> consent.connection.request(null, b -> consent.lyzr.applyTo(b, Secret.of("k")), "record"));
        RecordCommand tls = parse("--url", "ws://192.0.2.10/ws/Flow/run-1", "--lyzr-task-id", "task-1", "--lyzr-api", "https://192.0.2.10");
        assertDoesNotThrow(() -> tls.connection.request(null, b -> tls.lyzr.applyTo(b, Secret.of("k")), "record"));
        RecordCommand dnsName = parse("--url", "ws://cafe:8080/ws/Flow/run-1", "--lyzr-task-id", "task-1");
        assertThrows(UsageException.class, () -> dnsName.connection.request(null, b -> dnsName.lyzr.applyTo(b, Secret.of("k")), "record"),
                "a name is remote, whatever DNS would say");
    }

    private static RecordCommand parse(String... args) {
        RecordCommand c = new RecordCommand(Map.<String, String>of()::get, FAST);
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void aTruststoreThatCannotBeUsedIsOneSentenceAndExitTwoAtOnce() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not a certificate\n");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        Path folder = Files.createDirectories(dir.resolve("certs"));
        Path locked = keytoolStoreWithPassword();
        Map<Path, String> cases = new java.util.LinkedHashMap<>();
        cases.put(dir.resolve("missing.pem"), "the truststore " + dir.resolve("missing.pem") + " does not exist");
        cases.put(folder, "the truststore " + folder + " is a folder, not a certificate file or key store");
        cases.put(garbage, "the truststore " + garbage + " is neither a PEM or DER certificate nor a PKCS#12 or JKS key store");
        cases.put(empty, "the truststore " + empty + " is neither a PEM or DER certificate nor a PKCS#12 or JKS key store");
        cases.put(locked, "the truststore " + locked + " is a key store with a password, which Runlens does not take: "
                + "give its CA certificate as a PEM file instead (keytool -exportcert -rfc)");
        for (Map.Entry<Path, String> c : cases.entrySet()) {
            err.reset();
            long start = System.nanoTime();
            // Port 1 on loopback: a connection attempt would fail and be retried; none may be made.
            assertEquals(ExitCodes.USAGE, record(Map.of("RUNLENS_TOKEN", "t"), "--url", "wss://127.0.0.1:1/ws", "--run", "r",
                    "--truststore", c.getKey().toString(), "--out", dir.resolve("t.jsonl").toString()), c.getKey()::toString);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "at once");
            assertEquals("runlens: --truststore: " + c.getValue() + "\n", stderr());
            assertTrue(!stderr().contains("certificate could not be verified"), "never blamed on the server");
        }
    }

    private Path keytoolStoreWithPassword() throws Exception {
        Path store = dir.resolve("locked.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-alias", "ca", "-keyalg", "EC",
                "-dname", "CN=guard-test", "-validity", "2").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor(), "keytool failed");
        return store;
    }

    @Test
    void aMissingTokenSaysSoAndWhereItWasLookedFor() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.BALANCE);
        int status = record(Map.of(), "--url", sim.spaceOperatorUrl().toString(), "--run", run,
                "--out", dir.resolve("n.jsonl").toString(), "--give-up-after", "10");
        assertEquals(ExitCodes.TOKEN_REFUSED, status, this::stderr);
        String first = stderr().lines().findFirst().orElse("");
        assertEquals("runlens record: The server requires a token and no token was given: the environment variable RUNLENS_TOKEN "
                + "is not set (or use --token-env NAME or --token-file FILE).", first);
        assertTrue(!stderr().contains("unauthorized") && !stderr().contains("unauthenticated"), stderr());
    }

    @Test
    void aFullDiskFromTheStartIsExitOneWithOneSentence() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "this system has no /dev/full");
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.BALANCE);
        assertEquals(ExitCodes.FAILURE, record(Map.of("RUNLENS_TOKEN", sim.demoToken()), "--url", sim.spaceOperatorUrl().toString(),
                "--run", run, "--out", "/dev/full"));
        assertEquals("runlens record: the disk is full: recording to /dev/full stopped; what was written before stays readable\n", stderr());
    }

    @Test
    void theDiskFillingWhileRecordingEndsRecordWithOneSentenceAndAReadableLog() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", mount.toString()) == 0,
                "cannot mount a small tmpfs here (needs root); aFullDiskFromTheStartIsExitOneWithOneSentence still runs");
        try {
            sim = Simulator.start(SimulatorOptions.fastBuilder().foreachIterations(3_000).build());
            String run = sim.startRun(SoScenario.FOREACH);
            Path log = mount.resolve("run.jsonl");
            long start = System.nanoTime();
            assertEquals(ExitCodes.FAILURE, record(Map.of("RUNLENS_TOKEN", sim.demoToken()), "--url", sim.spaceOperatorUrl().toString(),
                    "--run", run, "--out", log.toString()), this::stderr);
            assertEquals("runlens record: the disk is full: recording to " + log + " stopped; what was written before stays readable\n",
                    stderr());
            List<String> corrupt = new ArrayList<>();
            long[] frames = {0};
            LogReader.open(log).read(e -> {
                if (e instanceof LogEntry.Frame) {
                    frames[0]++;
                } else if (e instanceof LogEntry.Corrupt c) {
                    corrupt.add(c.reason());
                }
            });
            assertEquals(List.of(), corrupt);
            // The foreach's first frames carry its 3,000-item input: few, but whole.
            assertTrue(frames[0] >= 3, frames[0] + " frames kept");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "record ended once the disk was full");
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
