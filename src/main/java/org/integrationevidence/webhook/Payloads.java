package org.integrationevidence.webhook;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.integrationevidence.changes.Change;

/**
 * The bodies of deliveries, as the Standard Webhooks specification shapes them: {@code type}, {@code timestamp} (when
 * the event was prepared) and {@code data}. A case study's event carries its change of the feed (position, kind, slug,
 * version, time, link) and the case study as the public API serves it, or null for a tombstone and for
 * {@code case-study.unmatched}.
 */
final class Payloads {

    static final String TEST_TYPE = "webhook.test";
    static final String UNMATCHED_TYPE = "case-study.unmatched";

    private Payloads() {
    }

    /** {@code case-study.<kind>}, or {@code case-study.unmatched}. */
    static String caseStudyType(Change change, boolean unmatched) {
        return unmatched ? UNMATCHED_TYPE : "case-study." + change.kind();
    }

    static String caseStudy(ObjectMapper json, String type, Change change, Object caseStudy, Instant now) {
        ObjectNode data = json.createObjectNode();
        data.put("position", change.position());
        data.put("kind", change.kind().toString());
        data.put("slug", change.slug());
        if (change.previousSlug() != null) {
            data.put("previousSlug", change.previousSlug());
        }
        if (change.version() != null) {
            data.put("version", change.version());
        }
        data.put("changedAt", change.changedAt().toString());
        if (change.link() != null) {
            data.put("link", change.link());
        }
        data.set("caseStudy", caseStudy == null ? json.nullNode() : json.valueToTree(caseStudy));
        return envelope(json, type, now, data);
    }

    static String approach(ObjectMapper json, String type, String slug, Object approach, Instant now) {
        ObjectNode data = json.createObjectNode();
        data.put("slug", slug);
        data.put("link", "/api/v1/approaches/" + slug);
        data.set("approach", approach == null ? json.nullNode() : json.valueToTree(approach));
        return envelope(json, type, now, data);
    }

    static String test(ObjectMapper json, long subscriptionId, Instant now) {
        ObjectNode data = json.createObjectNode();
        data.put("webhook", subscriptionId);
        data.put("message", "A test event sent on request; it describes no change.");
        return envelope(json, TEST_TYPE, now, data);
    }

    private static String envelope(ObjectMapper json, String type, Instant now, ObjectNode data) {
        ObjectNode body = json.createObjectNode();
        body.put("type", type);
        body.put("timestamp", now.toString());
        body.set("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
