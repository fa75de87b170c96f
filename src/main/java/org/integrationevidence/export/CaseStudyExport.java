package org.integrationevidence.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.integrationevidence.casestudy.CaseStudyCatalogue;
import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.casestudy.CaseStudyCitations;
import org.integrationevidence.formats.CaseStudyCsv;
import org.integrationevidence.formats.GeoJson;
import org.integrationevidence.formats.CitationItem;
import org.integrationevidence.formats.Citations;
import org.integrationevidence.search.CaseStudySearch;
import org.integrationevidence.search.ExportMatches;
import org.integrationevidence.search.SearchRequest;
import org.integrationevidence.search.Searched;

/**
 * Writes every case study a search matches, in its order, as CSV, NDJSON or GeoJSON, a batch at a time: the index gives a
 * batch of ids from one snapshot, the database their current content in a transaction of its own, and the batch is
 * written and flushed before the next is read. Memory stays that of one batch however many case studies match.
 */
@ApplicationScoped
class CaseStudyExport {

    @Inject
    CaseStudySearch search;

    @Inject
    CaseStudyCatalogue caseStudies;

    @Inject
    EvidenceConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    CaseStudyCitations citations;

    /**
     * Starts an export: the search is checked and its snapshot taken now, so that a bad request or an index that is
     * not ready is answered with a problem before any of the body is sent.
     */
    public Searched<Export> start(SearchRequest request, ExportFormat format) {
        ExportMatches matches = search.matches(request, config.exports().batchSize());
        return new Searched<>(new Export(matches, request, format, citations.citer()), matches.basis());
    }

    /** An export under way; {@link #writeTo} writes it once and releases its snapshot, as does {@link #close}. */
    public final class Export implements AutoCloseable {
        private final ExportMatches matches;
        private final SearchRequest request;
        private final ExportFormat format;
        private final UnaryOperator<CaseStudyView> citer;

        private Export(ExportMatches matches, SearchRequest request, ExportFormat format, UnaryOperator<CaseStudyView> citer) {
            this.matches = matches;
            this.request = request;
            this.format = format;
            this.citer = citer;
        }

        /** Releases the snapshot if the body was never written (a HEAD request, a client gone before the body). */
        @Override
        public void close() {
            matches.close();
        }

        public void writeTo(OutputStream output) throws IOException {
            ObjectWriter lines = json.writerFor(CaseStudyView.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            ObjectWriter features = json.writerFor(ObjectNode.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            try (matches; Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8))) {
                if (format.citation() != null) {
                    writeCitations(out);
                    return;
                }
                if (format == ExportFormat.CSV) {
                    CaseStudyCsv.writeHeader(out);
                } else if (format == ExportFormat.GEOJSON) {
                    GeoJson.writeStart(out);
                }
                GeoJson geoJson = new GeoJson(json);
                long written = 0;
                long withoutCoordinates = 0;
                for (List<Long> ids = matches.next(); !ids.isEmpty(); ids = matches.next()) {
                    for (CaseStudyView caseStudy : caseStudies.views(ids, request.statuses())) {
                        if (format == ExportFormat.CSV) {
                            CaseStudyCsv.write(out, caseStudy);
                        } else if (format == ExportFormat.GEOJSON) {
                            ObjectNode feature = geoJson.feature(caseStudy);
                            if (feature == null) {
                                withoutCoordinates++;
                            } else {
                                out.write(written++ == 0 ? "" : ",");
                                features.writeValue(out, feature);
                            }
                        } else {
                            lines.writeValue(out, citer.apply(caseStudy));
                            out.write('\n');
                        }
                    }
                    out.flush();
                }
                if (format == ExportFormat.GEOJSON) {
                    GeoJson.writeEnd(out, withoutCoordinates);
                }
            }
        }

        /** Each case study's citation at its current version, a batch at a time. */
        private void writeCitations(Writer out) throws IOException {
            try (Citations cited = Citations.start(format.citation(), out, json)) {
                for (List<Long> ids = matches.next(); !ids.isEmpty(); ids = matches.next()) {
                    for (CaseStudyView caseStudy : caseStudies.views(ids, request.statuses())) {
                        cited.write(CitationItem.of(citer.apply(caseStudy), config.repositoryName(), false));
                    }
                }
            }
        }
    }
}
