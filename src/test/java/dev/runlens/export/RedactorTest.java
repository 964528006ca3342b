package dev.runlens.export;

import dev.runlens.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    @Test
    void lyzrExampleInputsLoseTheirKeysAndBearerTokens() {
        List<String> lines = Fixtures.lines("lyzr-docs-sample");
        String sentiment = lines.get(1);
        String salesforce = lines.get(3);
        assertTrue(sentiment.contains("sk-prod-sentiment-key"));
        assertTrue(salesforce.contains("sf_prod_token_xyz"));
        String a = Redactor.redact(sentiment);
        String b = Redactor.redact(salesforce);
        assertFalse(a.contains("sk-prod-sentiment-key"), a);
        assertFalse(b.contains("sf_prod_token_xyz"), b);
        assertTrue(a.contains("\"api_key\":\"<redacted>\""), a);
        assertTrue(b.contains("\"Authorization\":\"<redacted>\""), b);
        // Everything else is still there.
        assertTrue(a.contains("cto@enterprise-client.com"), a);
    }

    @Test
    void taggedValuesKeepAValidTag() {
        String frame = "{\"stream_id\":0,\"event\":\"NodeStart\",\"data\":{\"input\":{\"M\":{\"private_key\":{\"B6\":\"abc\"},"
                + "\"amount\":{\"U\":\"5\"}}},\"flow_run_id\":\"r\"}}";
        assertEquals("{\"stream_id\":0,\"event\":\"NodeStart\",\"data\":{\"input\":{\"M\":{\"private_key\":{\"S\":\"<redacted>\"},"
                + "\"amount\":{\"U\":\"5\"}}},\"flow_run_id\":\"r\"}}", Redactor.redact(frame));
    }

    @Test
    void framesWithoutSecretsOrNotJsonAreUnchanged() {
        String clean = Fixtures.lines("space-operator-v2-failed-run").get(1);
        assertEquals(clean, Redactor.redact(clean));
        assertEquals("Connected to workflow", Redactor.redact("Connected to workflow"));
    }
}
