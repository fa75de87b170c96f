package org.integrationevidence.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.Representation;
import org.integrationevidence.outcome.OutcomeDomainNode;
import org.integrationevidence.outcome.OutcomeDomainView;
import org.integrationevidence.search.ApproachDetail;
import org.integrationevidence.search.CaseStudyPage;

/**
 * Writes a case study, a page of case studies, the taxonomy, an approach, the outcome domains and one of them as JSON-LD, for the resources that
 * negotiated {@link Representation#JSON_LD}. Identifiers are absolute URLs built on the base URL the client called.
 */
@Provider
@Produces(Representation.JSON_LD_TYPE)
public class JsonLdWriter implements MessageBodyWriter<Object> {

    @Inject
    ObjectMapper json;

    @Inject
    PublicUrls urls;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        // Exactly this type: RESTEasy also offers a writer for application/ld+json to application/json answers (and to
        // application/problem+json ones), as +json types, and those are Jackson's.
        return Representation.JSON_LD.mediaType.isCompatible(mediaType) && !mediaType.isWildcardSubtype()
                && (type == CaseStudyView.class || type == CaseStudyPage.class || type == ApproachDetail.class || type == Page.class
                        || type == OutcomeDomainView.class);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(entityStream, document(entity));
    }

    private JsonNode document(Object entity) {
        JsonLd jsonLd = new JsonLd(urls.base());
        if (entity instanceof CaseStudyView caseStudy) {
            return jsonLd.caseStudy(caseStudy);
        }
        if (entity instanceof CaseStudyPage page) {
            URI next = page.next() == null ? null
                    : urls.requestUriBuilder().replaceQueryParam("cursor", page.next()).build();
            return jsonLd.page(page, urls.requestUri(), next);
        }
        if (entity instanceof ApproachDetail approach) {
            return jsonLd.concept(approach);
        }
        if (entity instanceof OutcomeDomainView domain) {
            return jsonLd.concept(domain);
        }
        Page<?> page = (Page<?>) entity;
        if (!page.items().isEmpty() && page.items().get(0) instanceof OutcomeDomainNode) {
            return jsonLd.outcomeDomainScheme(page.items().stream().map(OutcomeDomainNode.class::cast).toList());
        }
        return jsonLd.scheme(TaxonomyRows.nodes(page));
    }
}
