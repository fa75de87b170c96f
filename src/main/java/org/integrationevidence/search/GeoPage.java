package org.integrationevidence.search;

/**
 * A page of case studies for a map: the page, and how many of all the search's matches (every page, not only this
 * one) have no coordinates, so cannot be drawn.
 */
public record GeoPage(CaseStudyPage page, long withoutCoordinates) {
}
