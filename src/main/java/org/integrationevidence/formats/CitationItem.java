package org.integrationevidence.formats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.integrationevidence.casestudy.CaseStudyInput;
import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.casestudy.CiteAs;
import org.integrationevidence.casestudy.PublishedVersion;
import org.integrationevidence.casestudy.SourceReference;

/**
 * One work to cite, as CSL-JSON, BibTeX and RIS all write it: a version of a case study (the repository its author
 * and publisher) or a work it cites (with the author, publisher and identifiers the curator gave). Only what the data
 * holds: a field the data lacks is left out, never guessed.
 *
 * @param id      a key unique in the answer, of letters, digits and hyphens: {@code <slug>-v<version>}, its sources
 *                {@code <slug>-v<version>-source-<n>}
 * @param kind    what the work is
 * @param author  one name, written as given (a person or an organisation; never split into given and family names)
 * @param version the case study's version, null for a source
 */
public record CitationItem(String id, Kind kind, String title, String author, String publisher, LocalDate issued,
        String version, String url, String doi, String handle, String isbn, String summary) {

    /** A case study; a cited work with an ISBN (a book); any other cited work. */
    public enum Kind {
        CASE_STUDY, BOOK, WORK
    }

    /**
     * A case study: its current version when published (with its citation), else as it stands, without version or URL,
     * since only published versions are served for citing. With {@code withSources}, the works it cites follow it.
     */
    public static List<CitationItem> of(CaseStudyView view, String repository, boolean withSources) {
        CiteAs cite = view.citeAs();
        String id = cite == null ? view.slug() : view.slug() + "-v" + view.version();
        CitationItem caseStudy = cite == null
                ? new CitationItem(id, Kind.CASE_STUDY, view.title(), repository, repository, null, null, null, null, null,
                        null, view.summary())
                : caseStudy(id, view.title(), cite, view.summary());
        return withSources ? withSources(caseStudy, view.sources()) : List.of(caseStudy);
    }

    /** A published version of a case study, followed by the works it cited then. */
    public static List<CitationItem> of(PublishedVersion version) {
        CaseStudyInput content = version.caseStudy();
        CitationItem caseStudy = caseStudy(version.slug() + "-v" + version.version(), content.title(), version.citeAs(),
                content.summary());
        return withSources(caseStudy, content.sources());
    }

    private static CitationItem caseStudy(String id, String title, CiteAs cite, String summary) {
        return new CitationItem(id, Kind.CASE_STUDY, title, cite.publisher(), cite.publisher(), cite.date(),
                Long.toString(cite.version()), cite.url(), null, null, null, summary);
    }

    private static List<CitationItem> withSources(CitationItem caseStudy, List<SourceReference> sources) {
        List<CitationItem> items = new ArrayList<>();
        items.add(caseStudy);
        int n = 0;
        for (SourceReference source : sources == null ? List.<SourceReference>of() : sources) {
            n++;
            items.add(new CitationItem(caseStudy.id() + "-source-" + n, source.isbn() == null ? Kind.WORK : Kind.BOOK,
                    source.title(), source.author(), source.publisher(), source.publishedOn(), null, source.url(),
                    source.doi(), source.handle(), source.isbn(), null));
        }
        return items;
    }
}
