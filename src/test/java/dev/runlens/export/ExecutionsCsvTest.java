package dev.runlens.export;

import dev.runlens.Fixtures;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExecutionsCsvTest {

    @Test
    void failedRunAsCsv() throws Exception {
        SummaryBuilder b = new SummaryBuilder();
        b.add(Fixtures.log("space-operator-v2-failed-run"));
        StringWriter w = new StringWriter();
        ExecutionsCsv.writeAll(List.of(b.model().runs().get(0)), w);
        String[] rows = w.toString().split("\r\n");
        assertEquals(3, rows.length);
        assertEquals(ExecutionsCsv.HEADER, rows[0]);
        assertEquals("6513270e-269e-4d37-b2a7-4de452e6b438,d23f0824-128b-4f33-8c5c-7fd0a6a3a450,0,succeeded,"
                + "2025-11-22T08:30:00.084283Z,2025-11-22T08:30:00.232414Z,148.131,", rows[1]);
        assertEquals("6513270e-269e-4d37-b2a7-4de452e6b438,9531985d-5d9d-49f8-9818-e811892f902b,0,failed,"
                + "2025-11-22T08:30:00.535032Z,2025-11-22T08:30:00.737441Z,202.409,"
                + "\"insufficient funds: need 3.25 SOL | transfer_sol did not produce required output signature. "
                + "Mark it as optional in the node definition, or ensure the node returns it in all code paths.\"", rows[2]);
    }

    @Test
    void severalRunsShareOneHeaderAndNoRunsIsTheHeaderAlone() throws Exception {
        SummaryBuilder b = new SummaryBuilder();
        b.add(Fixtures.log("space-operator-v2-failed-run"));
        b.add(Fixtures.log("lyzr-docs-sample"));
        StringWriter both = new StringWriter();
        ExecutionsCsv.writeAll(b.model().runs(), both);
        String[] rows = both.toString().split("\r\n");
        assertEquals(1, java.util.Arrays.stream(rows).filter(ExecutionsCsv.HEADER::equals).count());
        assertEquals(1 + b.model().runs().stream().mapToInt(r -> r.executions().size()).sum(), rows.length);
        StringWriter none = new StringWriter();
        ExecutionsCsv.writeAll(List.of(), none);
        assertEquals(ExecutionsCsv.HEADER + "\r\n", none.toString());
    }

    @Test
    void fieldsAreQuotedAndFormulasDefused() {
        assertEquals("\"a,b\"", ExecutionsCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ExecutionsCsv.field("say \"hi\""));
        assertEquals("'=1+1", ExecutionsCsv.field("=1+1"));
        assertEquals("plain", ExecutionsCsv.field("plain"));
    }
}
