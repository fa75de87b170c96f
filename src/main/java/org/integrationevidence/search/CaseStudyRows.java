package org.integrationevidence.search;

import java.util.List;

import org.integrationevidence.casestudy.CaseStudyView;

/** A page of a list or search with every case study in full, for a format that carries every field (CSV). */
public record CaseStudyRows(List<CaseStudyView> items, String next) {
}
