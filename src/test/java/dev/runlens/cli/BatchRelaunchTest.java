package dev.runlens.cli;

import dev.runlens.Fixtures;
import dev.runlens.replay.LogGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BatchRelaunchTest {
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final String CP = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    private String fixture() {
        return Fixtures.log("space-operator-v2-failed-run").toString();
    }

    private List<String> command(String[] args, List<String> jvm, Map<String, String> env, long threshold, boolean optedOut) {
        return BatchRelaunch.command(args, jvm, env, JAVA_HOME, CP, threshold, optedOut);
    }

    @Test
    void theJvmOptionsAreReadAsTheManagementBeanGivesThem() {
        assertEquals(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(), BatchRelaunch.jvmOptions());
        assertEquals(List.of(), BatchRelaunch.fromVm(null));  // the JVM's answer when it was given no option
        assertEquals(List.of("-Dx=1", "-XX:+UseSerialGC"), BatchRelaunch.fromVm(new String[]{"-Dx=1", "-XX:+UseSerialGC"}));
        assertNull(BatchRelaunch.fromVm(new Object()));
    }

    @Test
    void aLargeSummaryOrExportGoesToASerialCollectorJvmOnce() {
        String[] args = {"summary", "--json", fixture()};
        List<String> c = command(args, List.of("-Dfoo=bar"), Map.of(), 1, false);
        assertNotNull(c);
        assertEquals(JAVA_HOME.resolve("bin").resolve("java").toString(), c.get(0));
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:FreqInlineSize=100", "-Dfoo=bar", "-D" + BatchRelaunch.MARKER + "=true", "-cp", CP,
                "dev.runlens.Main", "summary", "--json", fixture()), c.subList(1, c.size()));
        assertNotNull(command(new String[]{"export", "--format", "summary", "--out", "x.json", fixture()},
                List.of(), Map.of(), 1, false));
    }

    @Test
    void staysInThisJvmWhenSmallChosenOrNotABatchCommand() {
        String[] args = {"summary", "--json", fixture()};
        assertNull(command(args, List.of(), Map.of(), Long.MAX_VALUE, false), "small input");
        assertNull(command(args, List.of(), Map.of(), 1, true), "already relaunched or -Drunlens.relaunch=false");
        assertNull(command(args, List.of(), Map.of("RUNLENS_RELAUNCH", "0"), 1, false), "switched off");
        assertNull(command(args, List.of("-Xmx2g"), Map.of(), 1, false), "heap chosen");
        assertNull(command(args, List.of("-XX:+UseG1GC"), Map.of(), 1, false), "collector chosen");
        assertNull(command(args, List.of("-agentlib:jdwp=transport=dt_socket"), Map.of(), 1, false), "debugger");
        assertNull(command(args, List.of(), Map.of("JDK_JAVA_OPTIONS", "-Dx=1"), 1, false), "options from the environment");
        assertNull(command(new String[]{"record", "--out", fixture()}, List.of(), Map.of(), 1, false), "not a batch command");
        assertNull(command(new String[]{"summary", "--json", dir.resolve("missing").toString()}, List.of(), Map.of(), 1, false),
                "no such file: the command reports it itself");
        assertNull(BatchRelaunch.command(args, List.of(), Map.of(), dir, CP, 1, false), "no bin/java in this runtime");
    }

    @Test
    void gzipInputCountsAsItsLikelyUncompressedSize() throws Exception {
        Path plain = dir.resolve("a.jsonl");
        Path gz = dir.resolve("a.jsonl.gz");
        Files.write(plain, new byte[1000]);
        Files.write(gz, new byte[1000]);
        assertEquals(1000, BatchRelaunch.inputBytes(new String[]{"summary", plain.toString(), "--json"}));
        assertEquals(8000, BatchRelaunch.inputBytes(new String[]{"summary", gz.toString()}));
    }

    /** What a process printed and returned, and whether a second JVM was seen under it. */
    private record Outcome(int status, byte[] out, String err, boolean childSeen) {
    }

    private Outcome runMain(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA_HOME.resolve("bin").resolve("java").toString(),
                "-Drunlens.relaunch.threshold=1", "-cp", CP, "dev.runlens.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean child = false;
        while (!p.waitFor(5, TimeUnit.MILLISECONDS)) {
            child |= p.descendants().findAny().isPresent();
        }
        return new Outcome(p.exitValue(), Files.readAllBytes(out), Files.readString(err), child);
    }

    @Test
    void theRelaunchedCommandPrintsAndExitsExactlyAsInProcess() throws Exception {
        Path log = dir.resolve("g.jsonl");
        LogGenerator.write(log, 20_000, 3);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int status = new SummaryCommand().run(List.of("--json", log.toString()),
                new PrintStream(expected, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(ExitCodes.OK, status);

        Outcome relaunched = runMain(Map.of(), "summary", "--json", log.toString());
        assertTrue(relaunched.childSeen(), "no second JVM was started");
        assertEquals(ExitCodes.OK, relaunched.status(), relaunched.err());
        assertArrayEquals(expected.toByteArray(), relaunched.out());
        assertEquals("", relaunched.err());

        Outcome here = runMain(Map.of("RUNLENS_RELAUNCH", "0"), "summary", "--json", log.toString());
        assertFalse(here.childSeen(), "RUNLENS_RELAUNCH=0 still relaunched");
        assertArrayEquals(expected.toByteArray(), here.out());
    }

    @Test
    void aFailureKeepsItsMessageAndExitStatusThroughTheRelaunch() throws Exception {
        Path notALog = dir.resolve("picture.png");
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        Files.write(notALog, junk);
        Outcome relaunched = runMain(Map.of(), "summary", notALog.toString());
        Outcome here = runMain(Map.of("RUNLENS_RELAUNCH", "0"), "summary", notALog.toString());
        assertTrue(relaunched.childSeen(), "no second JVM was started");
        assertEquals(ExitCodes.USAGE, relaunched.status());
        assertEquals(here.status(), relaunched.status());
        assertEquals(here.err(), relaunched.err());
        assertTrue(relaunched.err().startsWith("runlens summary: "), relaunched.err());
        assertArrayEquals(here.out(), relaunched.out());
    }
}
