package org.integrationevidence.casestudy;

import java.time.Instant;

/**
 * What the HTTP validators of a published case study are made of, read alone: one row of three columns instead of
 * the case study and its seven collections.
 */
record PublishedState(long id, long version, Instant updatedAt) {
}
