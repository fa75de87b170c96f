package org.integrationevidence.audit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The audit log's rows; written by {@link AuditLog}, read through {@link AuditService}. */
@ApplicationScoped
class AuditEventRepository implements PanacheRepository<AuditEvent> {
}
