package org.integrationevidence.common;

import java.util.logging.Handler;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.formatters.StructuredFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Makes the console log one JSON object per line when {@code evidence.logs.json} is on (in production), so that a
 * log collector reads level, logger, message, exception and the request id ({@code mdc.requestId}, see
 * {@link RequestIds}) as fields. The JBoss LogManager's own JSON formatter does the writing; Quarkus's JSON logging
 * extension would only configure the same formatter, and its build-time part is not available to this build.
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
                console.setFormatter(formatter());
            } else if (handler instanceof ExtHandler parent) {
                useJson(parent.getHandlers()); // Quarkus nests the console handler in a delaying one
            }
        }
    }

    private static JsonFormatter formatter() {
        JsonFormatter formatter = new JsonFormatter();
        formatter.setRecordDelimiter("\n");
        formatter.setExceptionOutputType(StructuredFormatter.ExceptionOutputType.DETAILED);
        formatter.setPrintDetails(false);
        return formatter;
    }
}
