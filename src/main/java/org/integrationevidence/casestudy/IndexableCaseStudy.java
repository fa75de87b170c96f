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
        List<String> outcomes,
        int evidenceLevel,
        Instant updatedAt,
        CaseStudySummary asListed) {
}
