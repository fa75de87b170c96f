package org.integrationevidence.search;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.framework.FrameworkCaseStudy;
import org.integrationevidence.framework.MappedCaseStudies;
import org.integrationevidence.http.Page;

/** The framework concepts' case studies, from the search index: the port framework.MappedCaseStudies. */
@ApplicationScoped
class MappedCaseStudiesInIndex implements MappedCaseStudies {

    @Inject
    CaseStudySearch search;

    @Override
    public Found taggedWithAny(List<String> approachSlugs, int limit) {
        SearchRequest request = new SearchRequest(null, approachSlugs.stream().sorted().distinct().toList(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null,
                Set.of(CaseStudyStatus.PUBLISHED), SearchSort.UPDATED, List.of(), limit, null, GeoQuery.NONE);
        Searched<CaseStudyPage> searched = search.search(request);
        CaseStudyPage page = searched.answer();
        return new Found(new Page<>(page.items().stream().map(c -> new FrameworkCaseStudy(c.slug(), c.title(), c.summary()))
                .toList(), page.total(), null), searched.basis().version(), searched.basis().lastChange());
    }
}
