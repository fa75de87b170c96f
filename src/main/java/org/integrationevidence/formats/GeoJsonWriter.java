package org.integrationevidence.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.http.Representation;
import org.integrationevidence.search.GeoPage;

/**
 * Writes a case study, or a page of a list or search, as a GeoJSON FeatureCollection ({@link GeoJson}), for the
 * resources that negotiated {@link Representation#GEO_JSON}.
 */
@Provider
@Produces(Representation.GEO_JSON_TYPE)
public class GeoJsonWriter implements MessageBodyWriter<Object> {

    @Inject
    ObjectMapper json;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        // Exactly this type: as for JSON-LD, RESTEasy would offer this +json type's writer to plain JSON answers too.
        return Representation.GEO_JSON.mediaType.isCompatible(mediaType) && !mediaType.isWildcardSubtype()
                && (type == CaseStudyView.class || type == GeoPage.class);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        GeoJson geoJson = new GeoJson(json);
        ObjectNode document = entity instanceof GeoPage page
                ? geoJson.collection(page.page().items(), page.withoutCoordinates())
                : geoJson.collection((CaseStudyView) entity);
        json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(entityStream, document);
    }
}
