package org.integrationevidence.search;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.problem.ApiException;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/suggest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case studies")
public class SuggestResource {

    private static final int MAX_PREFIX_LENGTH = 100;
    private static final int DEFAULT_LIMIT = 8;
    private static final int MAX_LIMIT = 20;

    @Inject
    Completions completions;

    @Inject
    CatalogueValidators validators;

    @Inject
    ConditionalReads conditional;

    @GET
    @PermitAll
    @Operation(operationId = "suggest", summary = "Complete a search box",
            description = "Completions of what someone is typing, for a search box: approach names, place names and titles "
                    + "of published case studies whose words start with the prefix (case and accents ignored). Fast enough "
                    + "to call on every key press.")
    @APIResponse(responseCode = "200", description = "Up to `limit` suggestions: approaches, then places, then titles.")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public RestResponse<Page<Suggestion>> suggest(
            @Parameter(description = "What has been typed so far, 1 to 100 characters.", required = true, example = "brad",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = MAX_PREFIX_LENGTH))
            @QueryParam("prefix") String prefix,
            @Parameter(description = "How many suggestions, 1 to 20.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20", defaultValue = "8"), example = "8")
            @QueryParam("limit") String limit) {
        if (prefix == null || prefix.isBlank()) {
            throw ApiException.invalid("prefix", "is required: the text typed so far");
        }
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw ApiException.invalid("prefix", "must be at most " + MAX_PREFIX_LENGTH + " characters");
        }
        int size = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        AnswerBasis basis = new AnswerBasis();
        return conditional.answer(validators.of(basis),
                () -> Page.all(basis.of(completions.suggest(prefix.stripLeading(), size))));
    }
}
