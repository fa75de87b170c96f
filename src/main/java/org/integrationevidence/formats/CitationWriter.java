package org.integrationevidence.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;


import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.casestudy.PublishedVersion;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.Representation;
import org.integrationevidence.search.CaseStudyRows;

/**
 * Writes a case study (followed by the works it cites), a published version of one (likewise) and a page of case
 * studies (the case studies alone) as CSL-JSON, BibTeX or RIS, for the resources that negotiated one of them. The
 * resource hands it views that carry their citation ({@code citeAs}).
 */
@Provider
@Produces({Representation.CSL_JSON_TYPE, Representation.BIBTEX_TYPE, Representation.RIS_TYPE})
public class CitationWriter implements MessageBodyWriter<Object> {

    @Inject
    ObjectMapper json;

    @Inject
    EvidenceConfig config;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return format(mediaType) != null
                && (type == CaseStudyView.class || type == CaseStudyRows.class || type == PublishedVersion.class);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(entityStream, StandardCharsets.UTF_8));
        try (Citations citations = Citations.start(format(mediaType), out, json)) {
            if (entity instanceof CaseStudyView caseStudy) {
                citations.write(CitationItem.of(caseStudy, config.repositoryName(), true));
            } else if (entity instanceof PublishedVersion version) {
                citations.write(CitationItem.of(version));
            } else {
                for (CaseStudyView caseStudy : ((CaseStudyRows) entity).items()) {
                    citations.write(CitationItem.of(caseStudy, config.repositoryName(), false));
                }
            }
        }
    }

    /** The citation format of exactly this media type, or null. */
    private static Representation format(MediaType mediaType) {
        if (mediaType.isWildcardType() || mediaType.isWildcardSubtype()) {
            return null;
        }
        return Arrays.stream(Representation.values()).filter(Citations::writes)
                .filter(format -> format.mediaType.isCompatible(mediaType)).findFirst().orElse(null);
    }

}
