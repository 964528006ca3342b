package dev.runlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.SampleFrames;
import dev.runlens.json.Json;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Frames per second through decoder + run model (target: 500,000/s on one core), side by side
 * with the floor: Jackson building a tree of the same frames and nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeApplyBenchmark {
    static final int FRAMES = 20_000;

    @Param({"space-operator", "lyzr"})
    public String protocol;

    private String[] frames;

    @Setup
    public void setUp() {
        List<String> list = protocol.equals("lyzr") ? SampleFrames.lyzr(FRAMES, 7) : SampleFrames.spaceOperator(FRAMES, 7);
        frames = list.toArray(new String[0]);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long decodeAndApply() {
        FrameDecoder decoder = new FrameDecoder();
        RunModel model = new RunModel();
        for (String f : frames) {
            ProtocolEvent e = decoder.decode(f);
            if (e instanceof RunEvent r) {
                model.apply(r);
            }
        }
        return model.applied();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long baselineJacksonTreeOnly() throws IOException {
        long n = 0;
        for (String f : frames) {
            JsonNode node = Json.parse(f);
            n += node.size();
        }
        return n;
    }
}
