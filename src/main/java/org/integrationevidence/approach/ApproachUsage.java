package org.integrationevidence.approach;

/**
 * What the taxonomy must know of the case studies tagged with an approach before deleting it, asked of the
 * catalogue that keeps them (casestudy.CaseStudyCatalogue implements it): the taxonomy sits below the case studies
 * that point at it, and reaches them only through this port.
 */
public interface ApproachUsage {

    /** How many draft, in-review or published case studies are tagged with the approach. */
    long countLiveTaggedWith(Approach approach);

    /** Removes the approach from withdrawn case studies, which can no longer be retagged, as a revision of each. */
    void untagWithdrawn(Approach approach);
}
