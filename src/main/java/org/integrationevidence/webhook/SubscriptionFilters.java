package org.integrationevidence.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.cache.BoundedMaps;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.search.CaseStudySearch;
import org.integrationevidence.search.SearchFilters;
import org.integrationevidence.search.SearchRequest;

/**
 * A subscription's filter: checked as a search checks its parameters (400 naming {@code filters.<parameter>}), kept as
 * canonical JSON, and turned into the search it stands for. Owns the cache "webhook filters": the parsed search of each
 * filter text, by that text, which never goes stale (the same text always parses to the same search; what its
 * approaches include is resolved by the index at each search), at most 10,000 of them.
 */
@ApplicationScoped
class SubscriptionFilters {

    private static final int MAX_CACHED = 10_000;

    @Inject
    EvidenceConfig config;

    @Inject
    CaseStudySearch search;

    @Inject
    ObjectMapper json;

    private final ConcurrentMap<String, SearchRequest> requests = new ConcurrentHashMap<>();

    /** The filter normalized and checked; 400 naming the parameter for what a search would refuse. */
    WebhookFilters check(WebhookFilters filters) {
        WebhookFilters normalized = filters == null ? WebhookFilters.NONE : filters.normalized();
        try {
            search.requireKnownFilters(toRequest(normalized));
        } catch (ApiException e) {
            if (e.errors() == null) {
                throw e;
            }
            List<FieldError> prefixed = new ArrayList<>();
            for (FieldError error : e.errors()) {
                prefixed.add(new FieldError("filters." + error.field(), error.message()));
            }
            throw ApiException.invalid(prefixed);
        }
        return normalized;
    }

    /** The filter a subscription keeps. */
    WebhookFilters read(String stored) {
        try {
            return json.readValue(stored, WebhookFilters.class).normalized();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored webhook filter is not JSON", e);
        }
    }

    /** The search a kept filter stands for, or null when it has none (every case study matches). */
    SearchRequest requestOf(String stored) {
        if (stored.equals("{}")) {
            return null;
        }
        SearchRequest kept = requests.get(stored);
        if (kept == null) {
            kept = toRequest(read(stored));
            BoundedMaps.put(requests, stored, kept, MAX_CACHED);
        }
        return kept;
    }

    private SearchRequest toRequest(WebhookFilters filters) {
        SearchFilters parameters = new SearchFilters();
        parameters.q = filters.q();
        parameters.approach = filters.approach();
        parameters.country = filters.country();
        parameters.theme = filters.theme();
        parameters.targetGroup = filters.targetGroup();
        parameters.outcomeDomain = filters.outcomeDomain();
        return parameters.toRequest(config);
    }
}
