package org.integrationevidence.casestudy;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A work that a case study draws on, and what it takes from it. */
@Embeddable
public class SourceCitation {

    @Column(nullable = false)
    public String title;

    public String author;

    public String publisher;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    public String url;

    @Column(nullable = false)
    public String contribution;

    /** True where the facts come from readers' comments under the work rather than the work itself. */
    @Column(name = "from_reader_comments", nullable = false)
    public boolean fromReaderComments;

    /** The work's DOI, its Handle and its ISBN, as the curator gave them; null when not known. */
    public String doi;

    public String handle;

    public String isbn;
}
