package org.integrationevidence.feed;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.access.Role;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.http.Validators;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;
import org.integrationevidence.search.SearchRequest;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Saved searches: a search's filters kept under an id, so that a person can subscribe to its Atom feed in a feed
 * reader without an API key.
 */
@Path("/api/v1/feeds/searches")
@Tag(name = "Case studies")
public class SavedSearchResource {

    private static final int FEED_ENTRIES = 20;
    private static final String FEED_EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<id>https://evidence.example.org/api/v1/feeds/searches/TVD9CsDFaQojr2hBfq2pOw.atom</id>"
            + "<title>School linking in the UK</title>"
            + "<subtitle>Published case studies, newest change first: approach=school-linking&amp;country=GB</subtitle>"
            + "<updated>2026-11-02T10:30:00Z</updated>"
            + "<link rel=\"self\" href=\"https://evidence.example.org/api/v1/feeds/searches/TVD9CsDFaQojr2hBfq2pOw.atom\" "
            + "type=\"application/atom+xml\"/>"
            + "<link rel=\"hub\" href=\"https://hub.example.org/\"/>"
            + AtomAnswers.EXAMPLE_AUTHOR_AND_ENTRY;
    static final String HUB_LINK = "Only when the service names a WebSub hub (evidence.feeds.websub-hub): "
            + "`<hub>; rel=\"hub\", <feed>; rel=\"self\"`, the WebSub discovery links (W3C WebSub, section 4).";

    @Inject
    SavedSearchService searches;

    @Inject
    AtomAnswers feeds;

    @Inject
    EvidenceConfig config;

    @Inject
    PublicUrls urls;

    @Inject
    ConditionalReads conditional;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveSearch", summary = "Save a search, to follow it in a feed reader",
            description = "Keeps the filters of a search of case studies (the query parameters of listing case studies, "
                    + "by the same names and rules) under an id made from them, and answers the URL of its Atom feed, "
                    + "which a feed reader can subscribe to without an API key. Needs no key. Saving the same filters "
                    + "again, in any order or case of country codes, finds the same saved search: 200 with it as it "
                    + "was first saved, its first title kept. Paging and ordering parameters are no part of a saved "
                    + "search, and `updatedSince` is refused: a feed reader keeps track of what it has seen.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "Saved; Location gives its URL.",
            headers = @Header(name = "Location", description = "URL of the saved search.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedSearchView.class)))
    @APIResponse(responseCode = "200", description = "Saved already: the saved search as it was first saved.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedSearchView.class)))
    @APIResponse(responseCode = "409", ref = "SavedSearchesFull")
    public RestResponse<SavedSearchView> save(SavedSearchInput input) {
        SavedSearchService.Saved saved = searches.save(input);
        SavedSearchView view = view(saved);
        if (!saved.created()) {
            return RestResponse.ok(view);
        }
        URI location = urls.location(SavedSearchResource.class, saved.id());
        return RestResponse.ResponseBuilder.<SavedSearchView>created(location).entity(view).build();
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSavedSearch", summary = "Get a saved search",
            description = "A saved search: its filters, the URL of its Atom feed and the URL of the same search in the "
                    + "case studies list.")
    @APIResponse(responseCode = "200", description = "The saved search.")
    public RestResponse<SavedSearchView> get(@Parameter(description = "Id of the saved search.", example = "TVD9CsDFaQojr2hBfq2pOw",
            schema = @Schema(type = SchemaType.STRING, maxLength = SavedSearchService.ID_LENGTH)) @PathParam("id") String id) {
        SavedSearchService.Saved saved = found(id);
        return conditional.answer(() -> conditional.validator(null,
                        Validators.state(saved.id(), saved.title(), saved.createdAt()), saved.createdAt()),
                () -> view(saved));
    }

    @GET
    @PermitAll
    @Path("{id}.atom")
    @Operation(operationId = "savedSearchFeed", summary = "Subscribe to a saved search (Atom)",
            description = "The Atom 1.0 feed of a saved search: the published case studies its filters find, newest "
                    + "change first, as the case studies feed with the same query parameters has them (the 20 newest). "
                    + "Titled with the saved search's title, or else its filters. Needs no key.")
    @APIResponse(responseCode = "200", description = "The feed.",
            headers = @Header(name = "Link", description = HUB_LINK, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = AtomAnswers.ATOM_TYPE,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "feed",
                    summary = "A feed of one entry, with a hub", value = FEED_EXAMPLE)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response feed(@Parameter(description = "Id of the saved search.", example = "TVD9CsDFaQojr2hBfq2pOw",
            schema = @Schema(type = SchemaType.STRING, maxLength = SavedSearchService.ID_LENGTH)) @PathParam("id") String id,
            @Context Request request) {
        feeds.requireAtom(request);
        SavedSearchService.Saved saved = found(id);
        SearchRequest search = saved.parameters().toFilters().toRequest(config).withLimit(FEED_ENTRIES);
        String query = saved.parameters().queryString();
        String title = saved.title() != null ? saved.title()
                : AtomFeed.TITLE + ": " + URLDecoder.decode(query, StandardCharsets.UTF_8);
        return feeds.answer(search, title, query);
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON) // what its errors are written in; an Accept without it is 406
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "deleteSavedSearch", summary = "Delete a saved search",
            description = "Deletes the saved search; its feed answers 404 from then on. Saving the same filters again "
                    + "makes it anew. Editors and admins; recorded in the audit log, as every write is.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@Parameter(description = "Id of the saved search.", example = "TVD9CsDFaQojr2hBfq2pOw",
            schema = @Schema(type = SchemaType.STRING, maxLength = SavedSearchService.ID_LENGTH)) @PathParam("id") String id) {
        if (!searches.delete(id)) {
            throw notFound(id);
        }
    }

    private SavedSearchService.Saved found(String id) {
        return searches.find(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return new ApiException(ProblemType.NOT_FOUND, "There is no saved search with the id \""
                + QueryParameters.abbreviate(id) + "\".");
    }

    private SavedSearchView view(SavedSearchService.Saved saved) {
        URI base = urls.base();
        return new SavedSearchView(saved.id(), saved.title(), saved.parameters(),
                base.resolve("api/v1/feeds/searches/" + saved.id() + ".atom").toString(),
                base.resolve("api/v1/case-studies?" + saved.parameters().queryString()).toString(), saved.createdAt());
    }
}
