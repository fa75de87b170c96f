package org.integrationevidence.changes;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.integrationevidence.http.Cursor;
import org.integrationevidence.persistence.ServerSecrets;
import org.integrationevidence.problem.ApiException;

/** Reads the public change feed a page at a time, after sequencing every change committed so far. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ChangeFeed {

    private static final String TOKEN_KEY = "changes-token";
    /** Bound into every token, so that a token of another list, or of a later format, is refused. */
    private static final String TOKEN_SCOPE = "changes-v1";

    @Inject
    ChangeSequencer sequencer;

    @Inject
    EntityManager entityManager;

    @Inject
    ServerSecrets secrets;

    /** The position a {@code since} token carries (0 without one), or a 400 naming {@code since}. */
    public long positionOf(String since) {
        if (since == null || since.isBlank()) {
            return 0;
        }
        try {
            return Cursor.positionIn(secrets.get(TOKEN_KEY), since.strip(), TOKEN_SCOPE);
        } catch (ApiException e) {
            throw ApiException.invalid("since", "is not a token returned by this feed's `next`; start again without it "
                    + "to read the feed from the beginning");
        }
    }

    /** Up to {@code limit} changes after {@code after}; every write answered before this call is among them. */
    public ChangePage after(long after, int limit) {
        sequencer.sequencePending();
        List<ChangeFeedEntry> entries = entityManager.createNamedQuery(ChangeFeedEntry.AFTER, ChangeFeedEntry.class)
                .setParameter("after", after).setMaxResults(limit + 1).getResultList();
        List<Change> items = entries.stream().limit(limit).map(Change::of).toList();
        long last = items.isEmpty() ? after : items.get(items.size() - 1).position();
        return new ChangePage(items, Cursor.position(secrets.get(TOKEN_KEY), TOKEN_SCOPE, last), entries.size() <= limit);
    }
}
