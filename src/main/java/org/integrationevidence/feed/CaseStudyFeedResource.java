package org.integrationevidence.feed;


import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.search.SearchFilters;
import org.integrationevidence.search.SearchRequest;

@Path("/api/v1/feeds")
@Tag(name = "Case studies")
public class CaseStudyFeedResource {

    static final String ATOM_TYPE = AtomAnswers.ATOM_TYPE;
    private static final int DEFAULT_ENTRIES = 20;
    private static final int MAX_ENTRIES = 100;

    private static final String EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<id>https://evidence.example.org/api/v1/feeds/case-studies.atom?approach=school-linking</id>"
            + "<title>" + AtomFeed.TITLE + "</title>"
            + "<subtitle>Published case studies, newest change first: approach=school-linking</subtitle>"
            + "<updated>2026-11-02T10:30:00Z</updated>"
            + "<link rel=\"self\" href=\"https://evidence.example.org/api/v1/feeds/case-studies.atom?approach=school-linking\" "
            + "type=\"application/atom+xml\"/>"
            + AtomAnswers.EXAMPLE_AUTHOR_AND_ENTRY;

    @Inject
    EvidenceConfig config;

    @Inject
    AtomAnswers feeds;

    @GET
    @PermitAll
    @Path("case-studies.atom")
    @Operation(operationId = "caseStudiesFeed", summary = "Subscribe to new and updated case studies (Atom)",
            description = "An Atom 1.0 feed of published case studies, newest change first: those published or updated "
                    + "most recently, with the same `q` and filters as listing case studies, so that a site or a feed "
                    + "reader can follow, say, new case studies about school linking (`?approach=school-linking`). Each "
                    + "entry's id and link are the case study's URL in the API; its approaches and themes are categories. To give a "
                    + "search a short URL and a title of its own, save it (`POST /api/v1/feeds/searches`).")
    @APIResponse(responseCode = "200", description = "The feed.",
            headers = @Header(name = "Link", description = SavedSearchResource.HUB_LINK, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ATOM_TYPE,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "feed",
                    summary = "A feed of one entry", value = EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response caseStudies(@BeanParam SearchFilters filters,
            @Parameter(description = "How many entries, 1 to 100.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"), example = "20")
            @QueryParam("limit") String limit,
            @Context Request request, @Context UriInfo uri) {
        // Negotiated here rather than by @Produces, so that a 406 names the feed's type, not the API's usual JSON.
        feeds.requireAtom(request);
        int entries = QueryParameters.limit(limit, DEFAULT_ENTRIES, MAX_ENTRIES);
        SearchRequest searchRequest = filters.toRequest(config).withLimit(entries);
        return feeds.answer(searchRequest, AtomFeed.TITLE, uri.getRequestUri().getRawQuery());
    }
}
