package org.integrationevidence.framework;

import java.time.Instant;
import java.util.List;

import org.integrationevidence.http.Page;

/**
 * The port through which a concept's page lists the case studies under its approaches: implemented above, by the
 * search index (search.MappedCaseStudiesInIndex), which this package may not use.
 */
public interface MappedCaseStudies {

    /**
     * The first page of published case studies tagged with any of the approaches or a narrower one, and what it stands
     * on for HTTP validators: {@code state} changes whenever the same request could answer otherwise.
     */
    Found taggedWithAny(List<String> approachSlugs, int limit);

    /** A page of case studies, the state of the index it was read from, and the time of the newest change it shows. */
    record Found(Page<FrameworkCaseStudy> page, String state, Instant lastChange) {
    }
}
