package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.List;

/**
 * What the search index needs of one case study, read in one transaction: text to search, values to filter,
 * facet and sort on, and the summary that results show. Approaches come both as tagged and with their broader approaches, so that a filter or a
 * facet count on a broad approach includes everything below it.
 */
public record IndexableCaseStudy(
        long id,
        String slug,
        CaseStudyStatus status,
        String title,
        String summary,
        String bodyText,
        String placeName,
        String localAuthority,
        String region,
        String countryCode,
        Scale scale,
        Integer startYear,
        Integer endYear,
        boolean ongoing,
        List<String> organisations,
        List<String> approachSlugs,
        List<String> approachSlugsWithBroader,
        List<String> approachNames,
        List<Theme> themes,
        List<TargetGroup> targetGroups,
        List<IndexedFinding> findings,
        int evidenceLevel,
        Instant updatedAt,
        CaseStudySummary asListed) {

    /**
     * A finding as search sees it: its statement to search, its domain and the domain's group (null when not yet
     * classified), its direction, and its level (its own, or else its case study's).
     */
    public record IndexedFinding(String statement, String domain, String domainGroup, Direction direction, int level) {
    }
}
