package org.integrationevidence.casestudy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A source of the case study that backs a finding: its position in the case study's sources, and where in it. */
@Embeddable
public class FindingCitation {

    @Column(name = "source_index", nullable = false)
    public int sourceIndex;

    public String locator;
}
