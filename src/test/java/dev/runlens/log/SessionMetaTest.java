package dev.runlens.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.model.Gap;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class SessionMetaTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:05Z");

    private static SessionMeta.Said read(String kind, String fields) throws IOException {
        return SessionMeta.read(kind, Json.parse(fields), AT);
    }

    @Test
    void eachKindIsReadIntoWhatItSays() throws IOException {
        assertEquals(new SessionMeta.StreamSubscribed(7, "r"), read("subscribed", "{\"stream_id\":7,\"flow_run_id\":\"r\"}"));
        assertEquals(new SessionMeta.GapMarked(new RunRef(Source.LYZR, "F/r"),
                        new Gap(Instant.parse("2026-01-01T00:00:01Z"), AT, "reconnected")),
                read("gap", "{\"source\":\"lyzr\",\"run_id\":\"F/r\",\"from\":\"2026-01-01T00:00:01Z\",\"to\":\"soon\",\"reason\":\"reconnected\"}"));
        JsonNode quiet = Json.parse("{\"flow_run_id\":\"r\",\"quiet_s\":30}");
        assertEquals(new SessionMeta.RunLearnt("quiet_end", new RunRef(Source.SPACE_OPERATOR, "r"), quiet),
                SessionMeta.read("quiet_end", quiet, AT));
        SessionMeta.RunLearnt answer = assertInstanceOf(SessionMeta.RunLearnt.class,
                read("reconciled", "{\"source\":\"lyzr\",\"run_id\":\"F/r\",\"status\":\"completed\"}"));
        assertEquals(new RunRef(Source.LYZR, "F/r"), answer.run());
    }

    @Test
    void linesWithoutTheFieldsTheirKindNeedsAreInformational() throws IOException {
        assertInstanceOf(SessionMeta.Informational.class, read("subscribed", "{\"stream_id\":\"x\",\"flow_run_id\":\"r\"}"));
        assertInstanceOf(SessionMeta.Informational.class, read("gap", "{\"source\":\"elsewhere\",\"run_id\":\"r\"}"));
        assertInstanceOf(SessionMeta.Informational.class, read("reconciled", "{\"source\":\"lyzr\"}"));
        assertInstanceOf(SessionMeta.Informational.class, read("final_output", "{\"output\":\"1\"}"));
        assertInstanceOf(SessionMeta.Informational.class, read("disconnected", "{\"reason\":\"closed\"}"));
        assertInstanceOf(SessionMeta.Informational.class, SessionMeta.read(null, Json.object(), AT));
    }
}
