package org.integrationevidence.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.openapi.SchemaBounds;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.persistence.UniqueConstraints;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;

/**
 * Saves, reads and deletes saved searches. A saved search is the canonical query string of its filters, checked as
 * the list checks them; its id is a hash of that string, so the same search saved twice is one saved search.
 */
@ApplicationScoped
@Transactional
class SavedSearchService {

    static final int MAX_TITLE_LENGTH = 120;
    /** The longest canonical query string: a saved search's list URL stays well within a request line. */
    static final int MAX_QUERY_LENGTH = 8192;
    /**
     * The longest URL in an answer: the request's scheme and Host header (or the configured public address, as long as
     * a request line) with a path and the canonical query string.
     */
    static final int MAX_URL_LENGTH = 8 /* https:// */ + SchemaBounds.MAX_HEADER_SIZE + SchemaBounds.MAX_REQUEST_LINE
            + MAX_QUERY_LENGTH;
    /** 128 bits of SHA-256 in unpadded base64url. */
    static final int ID_LENGTH = 22;
    static final String ID_PATTERN = "^[A-Za-z0-9_-]{22}$";

    @Inject
    SavedSearchRepository searches;

    @Inject
    EvidenceConfig config;

    /** A saved search with its filters, as {@link #save} or {@link #find} read it. */
    record Saved(String id, String title, SavedSearchParameters parameters, Instant createdAt, boolean created) {
    }

    /** Saves the search, or finds it saved already (its first title kept): {@code created} says which. */
    Saved save(SavedSearchInput input) {
        List<FieldError> errors = new ArrayList<>();
        String title = input == null || input.title() == null || input.title().isBlank() ? null : input.title().strip();
        if (title != null && title.length() > MAX_TITLE_LENGTH) {
            errors.add(new FieldError("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
        }
        SavedSearchParameters parameters = input == null || input.parameters() == null ? null : input.parameters().canonical();
        String query = parameters == null ? "" : parameters.queryString();
        if (parameters != null && parameters.updatedSince() != null) {
            errors.add(new FieldError("parameters.updatedSince", "is not taken by a saved search: its feed follows new "
                    + "and updated case studies as they come, and a feed reader keeps track of what it has seen"));
        } else if (query.isEmpty()) {
            errors.add(new FieldError("parameters", "must choose at least one filter; every case study is followed by "
                    + "/api/v1/feeds/case-studies.atom"));
        } else if (query.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("parameters", "make a query string of " + query.length() + " characters; at most "
                    + MAX_QUERY_LENGTH + " are allowed"));
        } else {
            try {
                parameters.toFilters().toRequest(config);
            } catch (ApiException invalid) {
                if (invalid.errors() == null || invalid.errors().isEmpty()) {
                    throw invalid;
                }
                invalid.errors().forEach(error -> errors.add(new FieldError(
                        "$".equals(error.field()) ? "parameters" : "parameters." + error.field(), error.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String id = idOf(query);
        Optional<SavedSearch> existing = searches.findByIdOptional(id);
        if (existing.isPresent()) {
            return saved(existing.get(), false);
        }
        if (searches.count() >= config.feeds().maxSavedSearches()) {
            throw new ApiException(ProblemType.SAVED_SEARCHES_FULL, "The repository keeps at most "
                    + config.feeds().maxSavedSearches() + " saved searches, and has as many; this search is not one of them.");
        }
        SavedSearch search = new SavedSearch();
        search.id = id;
        search.query = query;
        search.title = title;
        search.createdAt = Timestamps.now();
        searches.persist(search);
        // Saved at the same moment by another request: the same search, which this request may answer with too.
        UniqueConstraints.flushOr(searches::flush, new ApiException(ProblemType.CONFLICT,
                "The same search was being saved by another request; send this one again to read it."));
        return saved(search, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Saved> find(String id) {
        return id.matches(ID_PATTERN) ? searches.findByIdOptional(id).map(search -> saved(search, false)) : Optional.empty();
    }

    /** Deletes the saved search; false when there is none with this id. */
    boolean delete(String id) {
        return id.matches(ID_PATTERN) && searches.deleteById(id);
    }

    private static Saved saved(SavedSearch search, boolean created) {
        return new Saved(search.id, search.title, SavedSearchParameters.fromQueryString(search.query), search.createdAt,
                created);
    }

    static String idOf(String query) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
