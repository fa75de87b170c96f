package org.integrationevidence.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;


/** What a production log line is: one JSON object on one line, whatever the message holds. */
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecordIsOneLineOfJsonWithItsRequestIdAndException() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "Unexpected failure handling %s %s", ExtLogRecord.FormatStyle.PRINTF,
                JsonLogsTest.class.getName());
        record.setParameters(new Object[] {"GET", "/api/v1/case-studies/\"quoted\"\nsecond line"});
        record.setLoggerName("org.integrationevidence.web.ProblemMappers");
        record.setThrown(new IllegalStateException("broken"));
        record.setMdc(Map.of(RequestIds.MDC_KEY, "lb-42"));

        String line = new JsonLogs.JsonLines().format(record);

        assertTrue(line.endsWith("\n"));
        assertFalse(line.substring(0, line.length() - 1).contains("\n"), "One record must be one line: " + line);
        JsonNode fields = JSON.readTree(line);
        assertEquals("SEVERE", fields.get("level").asText());
        assertEquals("org.integrationevidence.web.ProblemMappers", fields.get("logger").asText());
        assertEquals("lb-42", fields.get("requestId").asText());
        assertEquals("Unexpected failure handling GET /api/v1/case-studies/\"quoted\"\nsecond line", fields.get("message").asText());
        assertTrue(fields.get("exception").asText().startsWith("java.lang.IllegalStateException: broken"));
        assertTrue(fields.hasNonNull("timestamp") && fields.hasNonNull("thread"));
    }

    @Test
    void aRecordOutsideARequestHasNoRequestId() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Search index rebuilt", JsonLogsTest.class.getName());
        record.setMdc(Map.of());

        JsonNode fields = JSON.readTree(new JsonLogs.JsonLines().format(record));

        assertFalse(fields.has("requestId"));
        assertFalse(fields.has("exception"));
        assertEquals("Search index rebuilt", fields.get("message").asText());
    }
}
