package org.integrationevidence.logging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.quarkus.runtime.StartupEvent;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import org.integrationevidence.config.EvidenceConfig;

/**
 * Makes the console log one JSON object per line when {@code evidence.logs.json} is on (in production), so that a
 * log collector reads time, level, logger, thread, message, request id ({@link RequestIds}) and exception as fields.
 * Written here with Jackson: Quarkus's JSON logging extension is not available to this build, and the log manager's
 * own JSON formatter cannot see a JSON library from where the packaged application loads it.
 */
@ApplicationScoped
public class JsonLogs {

    @Inject
    EvidenceConfig config;

    /** Before every other start-up observer, so that what they log is JSON already. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (config.logs().json()) {
            useJson(LogContext.getLogContext().getLogger("").getHandlers());
        }
    }

    private static void useJson(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler console) {
                console.setFormatter(new JsonLines());
            } else if (handler instanceof ExtHandler parent) {
                useJson(parent.getHandlers()); // Quarkus nests the console handler in a delaying one
            }
        }
    }

    /** One log record as one line of JSON: {@code timestamp level logger thread requestId message exception}. */
    static final class JsonLines extends ExtFormatter {

        private static final JsonFactory JSON = new JsonFactory();

        @Override
        public String format(ExtLogRecord record) {
            StringWriter line = new StringWriter(256);
            try (JsonGenerator json = JSON.createGenerator(line)) {
                json.writeStartObject();
                json.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
                json.writeStringField("level", record.getLevel().getName());
                json.writeStringField("logger", record.getLoggerName());
                json.writeStringField("thread", record.getThreadName());
                String requestId = record.getMdc(RequestIds.MDC_KEY);
                if (requestId != null) {
                    json.writeStringField("requestId", requestId);
                }
                json.writeStringField("message", formatMessage(record));
                if (record.getThrown() != null) {
                    json.writeStringField("exception", stackTrace(record));
                }
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does not fail
            }
            return line.append('\n').toString();
        }

        private static String stackTrace(LogRecord record) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
    }
}
