package org.integrationevidence.formats;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.casestudy.SourceReference;
import org.integrationevidence.casestudy.Vocabulary;

/**
 * The CSV of an export: one row per case study, RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break). Column names are the JSON paths of the fields, as in an import file; lists are joined
 * with {@value #LIST_SEPARATOR}, as an import reads them. A cell that a spreadsheet would run as a formula (one
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) starts with an apostrophe,
 * as OWASP advises for CSV files that people open in spreadsheets. Exports and the CSV of lists and single case
 * studies (formats/) write the same rows.
 */
public final class CaseStudyCsv {

    public static final String LIST_SEPARATOR = "|";

    private record Column(String name, Function<CaseStudyView, Object> value) {
    }

    /** The columns, in order: documented in the export operation and docs/guide/exports-and-feeds.md. */
    private static final List<Column> COLUMNS = List.of(
            new Column("slug", CaseStudyView::slug),
            new Column("title", CaseStudyView::title),
            new Column("summary", CaseStudyView::summary),
            new Column("body", CaseStudyView::body),
            new Column("place.name", c -> c.place().name()),
            new Column("place.localAuthority", c -> c.place().localAuthority()),
            new Column("place.region", c -> c.place().region()),
            new Column("place.countryCode", c -> c.place().countryCode()),
            new Column("place.latitude", c -> c.place().latitude()),
            new Column("place.longitude", c -> c.place().longitude()),
            new Column("place.scale", c -> c.place().scale()),
            new Column("period.startYear", c -> c.period() == null ? null : c.period().startYear()),
            new Column("period.endYear", c -> c.period() == null ? null : c.period().endYear()),
            new Column("period.ongoing", c -> c.period() == null ? null : c.period().ongoing()),
            new Column("leadOrganisations", c -> joined(c.leadOrganisations(), Function.identity())),
            new Column("partnerOrganisations", c -> joined(c.partnerOrganisations(), Function.identity())),
            new Column("approaches", c -> joined(c.approaches(), approach -> approach.slug())),
            new Column("themes", c -> joined(c.themes(), Vocabulary::slugOf)),
            new Column("targetGroups", c -> joined(c.targetGroups(), Vocabulary::slugOf)),
            // The findings' statements, with their domains, directions and levels at the same positions in the
            // findings.* columns at the end (after the columns of earlier versions, so that none moves).
            new Column("outcomes", c -> joined(c.outcomes(), Function.identity())),
            new Column("evidence.level", c -> c.evidence().level()),
            new Column("evidence.rationale", c -> c.evidence().rationale()),
            new Column("sources.title", c -> joined(c.sources(), SourceReference::title)),
            new Column("sources.url", c -> joined(c.sources(), source -> Objects.toString(source.url(), ""))),
            new Column("licence", CaseStudyView::licence),
            new Column("createdAt", CaseStudyView::createdAt),
            new Column("updatedAt", CaseStudyView::updatedAt),
            new Column("version", CaseStudyView::version),
            new Column("findings.domain", c -> joined(c.findings(), f -> f.domain() == null ? "" : f.domain().slug())),
            new Column("findings.direction", c -> joined(c.findings(), f -> f.direction().toString())),
            new Column("findings.evidence.level", c -> joined(c.findings(),
                    f -> f.evidence() == null ? "" : Integer.toString(f.evidence().level()))),
            new Column("evaluation.design", c -> c.evaluation() == null ? null : c.evaluation().design()),
            new Column("evaluation.independent", c -> c.evaluation() == null ? null : c.evaluation().independent()),
            new Column("evaluation.reference", c -> c.evaluation() == null ? null : c.evaluation().reference()),
            new Column("cost.band", c -> c.cost() == null ? null : c.cost().band()),
            new Column("cost.rationale", c -> c.cost() == null ? null : c.cost().rationale()),
            new Column("place.subdivisionCode", c -> c.place().subdivisionCode()),
            new Column("place.nutsCode", c -> c.place().nutsCode()),
            new Column("place.degreeOfUrbanisation", c -> c.place().degreeOfUrbanisation()),
            new Column("place.populationBand", c -> c.place().populationBand()),
            // The sources' identifiers, at the same positions as sources.title.
            new Column("sources.doi", c -> joined(c.sources(), source -> Objects.toString(source.doi(), ""))),
            new Column("sources.handle", c -> joined(c.sources(), source -> Objects.toString(source.handle(), ""))),
            new Column("sources.isbn", c -> joined(c.sources(), source -> Objects.toString(source.isbn(), ""))));

    public static final List<String> NAMES = COLUMNS.stream().map(Column::name).toList();

    private CaseStudyCsv() {
    }

    public static void writeHeader(Writer out) throws IOException {
        writeRow(out, NAMES);
    }

    public static void write(Writer out, CaseStudyView caseStudy) throws IOException {
        writeRow(out, COLUMNS.stream().map(column -> {
            Object value = column.value().apply(caseStudy);
            return value == null ? "" : value.toString();
        }).toList());
    }

    /** One record of any CSV the API serves, with the same quoting and formula disarming. */
    public static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static <T> String joined(List<T> values, Function<T, String> text) {
        return values == null ? "" : values.stream().map(text).collect(Collectors.joining(LIST_SEPARATOR));
    }
}
