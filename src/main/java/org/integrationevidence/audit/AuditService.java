package org.integrationevidence.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import org.integrationevidence.http.Cursor;
import org.integrationevidence.http.Page;
import org.integrationevidence.persistence.ServerSecrets;

/** Reads the audit log, newest first, a page at a time. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class AuditService {

    private static final String CURSOR_KEY = "audit-cursor";
    private static final String CURSOR_VERSION = "1";

    @Inject
    AuditEventRepository events;

    @Inject
    ServerSecrets secrets;

    /** The events matching the filters (null: any), newest first, after the page that ended at {@code cursor}. */
    public Page<AuditEventView> find(Long keyId, AuditKind kind, Instant since, String cursor, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (keyId != null) {
            where.append(" and keyId = :keyId");
            parameters.put("keyId", keyId);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            parameters.put("kind", kind);
        }
        if (since != null) {
            where.append(" and occurredAt >= :since");
            parameters.put("since", since);
        }
        long total = events.count(where.toString(), parameters);
        if (cursor != null) {
            where.append(" and id < :before");
            parameters.put("before", Cursor.positionIn(secrets.get(CURSOR_KEY), cursor, CURSOR_VERSION));
        }
        List<AuditEvent> found = events.find(where.toString(), Sort.descending("id"), parameters).page(0, limit + 1).list();
        List<AuditEventView> items = new ArrayList<>(found.stream().limit(limit).map(AuditEventView::of).toList());
        String next = found.size() > limit
                ? Cursor.position(secrets.get(CURSOR_KEY), CURSOR_VERSION, items.get(limit - 1).id())
                : null;
        return new Page<>(items, total, next);
    }
}
