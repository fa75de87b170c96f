package org.integrationevidence.framework;

import java.util.List;

import org.integrationevidence.http.Page;

/**
 * The port through which a concept's page lists the case studies under its approaches: implemented above, by the
 * search index (search.MappedCaseStudiesInIndex), which this package may not use.
 */
public interface MappedCaseStudies {

    /** The first page of published case studies tagged with any of the approaches or a narrower one. */
    Page<FrameworkCaseStudy> taggedWithAny(List<String> approachSlugs, int limit);
}
