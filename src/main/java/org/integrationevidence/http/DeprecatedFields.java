package org.integrationevidence.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Marks an operation whose answer carries a deprecated field (the case study's free-text {@code outcomes}, derived from
 * its findings): a successful answer says so with {@code Deprecation} (RFC 9745) and {@code Sunset} (RFC 8594);
 * docs/guide/findings.md says how a client moves. The dates are the published deprecation period; the OpenAPI
 * document gives the same headers (web.OpenApiConventions) to every response whose schema has a deprecated field.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface DeprecatedFields {

    /** When the fields were deprecated: the release that brought findings. */
    Instant SINCE = Instant.parse("2026-12-07T00:00:00Z");
    /** When they may stop being served: a year after. */
    Instant SUNSET = Instant.parse("2027-12-31T23:59:59Z");
    /** {@code @1796601600}: an RFC 9745 Date, a structured-field date in seconds since the epoch. */
    String DEPRECATION_VALUE = "@" + SINCE.getEpochSecond();
    String SUNSET_VALUE = DateTimeFormatter.RFC_1123_DATE_TIME.format(SUNSET.atOffset(ZoneOffset.UTC));

    /** Adds the headers to the successful answers of the operations marked. */
    @Provider
    @DeprecatedFields
    @Priority(ResponseFilterOrder.DEPRECATION_HEADERS)
    class Headers implements ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() < 300) {
                response.getHeaders().putSingle("Deprecation", DEPRECATION_VALUE);
                response.getHeaders().putSingle("Sunset", SUNSET_VALUE);
            }
        }
    }
}
