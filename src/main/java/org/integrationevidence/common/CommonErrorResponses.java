package org.integrationevidence.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents on every operation the errors that any request can meet (406 for an Accept header the API cannot
 * serve, 500 for a server fault), so that each resource declares only the errors particular to it.
 */
public class CommonErrorResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            addIfMissing(responses, "406", "NotAcceptable");
            addIfMissing(responses, "500", "InternalError");
        }
        return operation;
    }

    private static void addIfMissing(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }
}
