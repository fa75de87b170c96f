package org.integrationevidence.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row that the planner running across all instances holds locked (see {@link DeliveryPlanner}). */
@Entity
@Table(name = "webhook_planner")
class PlannerLock {

    static final int ID = 1;

    @Id
    int id;
}
