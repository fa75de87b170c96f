package org.integrationevidence.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import org.integrationevidence.problem.ApiException;

/**
 * Sparse fieldsets: {@code fields=slug,title,summary} keeps only those top-level properties of a case study, or of
 * each item of a page (the paging properties of the page stay). The resource checks the names up front (an unknown
 * one is a 400 listing the allowed ones); the response filter then cuts the JSON tree of the answer, so the
 * resources and their JSON stay as they are when {@code fields} is absent. Only {@code application/json} answers
 * are cut: other representations (CSV, JSON-LD) keep their documented shape.
 */
@RequestScoped
public class SparseFields {

    public static final String PARAMETER = "fields";
    /** Longer than every field name of any shape, comma-separated: a longer value cannot be a selection. */
    public static final int MAX_LENGTH = 1000;
    public static final String DESCRIPTION = "Only these top-level fields of the case study (of each item, on lists), "
            + "comma-separated; the rest are left out. An unknown name is a 400 that lists the allowed ones. Applies "
            + "to `application/json` answers; other representations ignore it.";

    private static final Map<Class<?>, Set<String>> PROPERTIES = new ConcurrentHashMap<>();
    private static final String ITEMS = "items";

    @Inject
    ObjectMapper json;

    private Set<String> selected;
    private boolean inItems;

    /** Checks {@code fields} against the properties of {@code type}, and keeps them for the answer's body. */
    public void select(String fields, Class<?> type) {
        remember(fields, type, false);
    }

    /** The same for a page: the fields are those of each item, of type {@code itemType}. */
    public void selectInItems(String fields, Class<?> itemType) {
        remember(fields, itemType, true);
    }

    private void remember(String fields, Class<?> type, boolean items) {
        if (fields == null) {
            return;
        }
        if (fields.length() > MAX_LENGTH) {
            throw ApiException.invalid(PARAMETER, "is longer than " + MAX_LENGTH + " characters");
        }
        Set<String> allowed = PROPERTIES.computeIfAbsent(type, this::propertiesOf);
        Set<String> names = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : fields.split(",", -1)) {
            String trimmed = name.strip();
            if (allowed.contains(trimmed)) {
                names.add(trimmed);
            } else {
                unknown.add(QueryParameters.abbreviate(trimmed));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(PARAMETER, (unknown.size() == 1 ? "has an unknown field: " : "has unknown fields: ")
                    + String.join(", ", unknown.stream().map(name -> "\"" + name + "\"").toList())
                    + "; the fields are " + String.join(", ", allowed));
        }
        selected = names;
        inItems = items;
    }

    private Set<String> propertiesOf(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (BeanPropertyDefinition property : json.getSerializationConfig().introspect(json.constructType(type))
                .findProperties()) {
            if (property.couldSerialize()) {
                names.add(property.getName());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** Cuts a successful JSON answer to the selected fields. */
    static class Filter {

        @Inject
        SparseFields sparseFields;

        @ServerResponseFilter(priority = ResponseFilterOrder.CUT_FIELDS)
        public void cut(ContainerResponseContext response) {
            sparseFields.cut(response);
        }
    }

    void cut(ContainerResponseContext response) {
        if (selected == null || response.getStatus() != 200 || response.getEntity() == null
                || response.getMediaType() == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        JsonNode tree = json.valueToTree(response.getEntity());
        if (inItems) {
            tree.path(ITEMS).forEach(this::retain);
        } else {
            retain(tree);
        }
        response.setEntity(tree);
    }

    private void retain(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.retain(selected);
        }
    }
}
