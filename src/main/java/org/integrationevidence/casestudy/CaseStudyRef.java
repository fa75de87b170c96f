package org.integrationevidence.casestudy;

/**
 * How a request names a case study: its slug, and, when several curators' unpublished case studies share that slug,
 * whose is meant ({@code owner}, null otherwise). An unpublished case study's slug is its curator's alone (see
 * {@link CaseStudy#slugScope}), so two curators may give their drafts the same one; only editors, who see both,
 * need to say which.
 */
record CaseStudyRef(String slug, String owner) {

    /** The query parameter that names the owner. */
    public static final String OWNER_PARAMETER = "owner";

    public static CaseStudyRef of(String slug, String owner) {
        return new CaseStudyRef(slug, owner == null || owner.isBlank() ? null : owner.strip());
    }

    /** A case study named by its slug alone. */
    public static CaseStudyRef of(String slug) {
        return new CaseStudyRef(slug, null);
    }
}
