package org.integrationevidence.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.Representation;
import org.integrationevidence.search.CaseStudyRows;
import org.integrationevidence.search.EvidenceMap;

/**
 * Writes a case study, a page of case studies and the taxonomy as CSV, for the resources that negotiated
 * {@link Representation#CSV}. Case studies get the export's columns, so that a page, one case study and an export
 * read alike; each response is an attachment with a file name that says what it holds.
 */
@Provider
@Produces(Representation.CSV_TYPE)
public class CsvWriter implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Representation.CSV.mediaType.isCompatible(mediaType) && !mediaType.isWildcardSubtype()
                && (type == CaseStudyView.class || type == CaseStudyRows.class || type == Page.class || type == EvidenceMap.class);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(entityStream, StandardCharsets.UTF_8));
        if (entity instanceof CaseStudyView caseStudy) {
            attachment(httpHeaders, caseStudy.slug());
            CaseStudyCsv.writeHeader(out);
            CaseStudyCsv.write(out, caseStudy);
        } else if (entity instanceof CaseStudyRows page) {
            attachment(httpHeaders, "case-studies");
            CaseStudyCsv.writeHeader(out);
            for (CaseStudyView caseStudy : page.items()) {
                CaseStudyCsv.write(out, caseStudy);
            }
        } else if (entity instanceof EvidenceMap map) {
            attachment(httpHeaders, "evidence-map");
            EvidenceMapCsv.write(out, map);
        } else {
            attachment(httpHeaders, "approaches");
            TaxonomyRows.write(out, TaxonomyRows.nodes((Page<?>) entity));
        }
        out.flush();
    }

    /** Slugs are lowercase letters, digits and hyphens, so a file name made of one needs no escaping. */
    private static void attachment(MultivaluedMap<String, Object> headers, String name) {
        headers.putSingle(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
    }
}
