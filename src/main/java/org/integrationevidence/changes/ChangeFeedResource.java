package org.integrationevidence.changes;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

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
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.QueryParameters;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case studies")
public class ChangeFeedResource {

    /** A page that is full and followed by more changes never changes: caches may keep it for good. */
    static final String FULL_PAGE_POLICY = "public, max-age=31536000, immutable";
    /** The end of the feed grows: a cache must ask again each time (a 304 when nothing changed). */
    static final String TAIL_POLICY = "public, no-cache";
    /** The longest of the two policies, and of {@code no-store} (sent instead when the request has a key). */
    static final int POLICY_MAX_LENGTH = 35;
    /** Tokens are short (a scope, a number and a signature, in base64url); documented bounds, not checked here. */
    static final int MAX_TOKEN_LENGTH = 200;
    static final String TOKEN_PATTERN = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$";

    private static final String BAD_TOKEN_EXAMPLE = "{\"type\":\"/problems/validation\",\"title\":\"Invalid request\","
            + "\"status\":400,\"detail\":\"The request has 1 invalid field: since is not a token returned by this feed's "
            + "`next`; start again without it to read the feed from the beginning.\",\"instance\":\"/api/v1/changes\","
            + "\"errors\":[{\"field\":\"since\",\"message\":\"is not a token returned by this feed's `next`; start again "
            + "without it to read the feed from the beginning\"}]}";

    @Inject
    ChangeFeed feed;

    @Inject
    EvidenceConfig config;

    @Inject
    PublicUrls urls;

    @GET
    @PermitAll
    @Operation(operationId = "listChanges", summary = "Harvest changes to public case studies",
            description = "Every change of public data, oldest first, in the order the changes were committed, so that a "
                    + "mirror stays in sync without reading everything again. Start without `since` to read the whole feed "
                    + "from the beginning (it begins with every case study public when the feed was introduced), then pass "
                    + "each page's `next` as `since`. When `caughtUp` is true, keep the last `next` and poll with it later "
                    + "(every few minutes; a conditional GET with the ETag answers 304 when nothing happened): the feed "
                    + "holds every change committed before the request, and a change that commits later always comes after "
                    + "the token, so a mirror following the tokens never misses or repeats one.\n\n"
                    + "Kinds: `published` (the case study became public: fetch it from `link`), `updated` (its public "
                    + "record changed, also when an approach it is tagged with was renamed: fetch it again; `previousSlug` "
                    + "when it was renamed), `withdrawn` and `deleted` (tombstones: it is no longer public, remove your "
                    + "copy of `slug`). Drafts and case studies in review are not public and never appear. Several changes "
                    + "of one case study in quick succession may appear as one; a mirror fetches the current record "
                    + "anyway.\n\nA full page followed by more changes never changes and may be cached for good; the "
                    + "last page must be revalidated. Tokens are opaque and signed: one that was altered is refused.")
    @APIResponse(responseCode = "200", description = "A page of changes after `since`.", headers = {
            @Header(name = "Link", description = "`<url>; rel=\"next\"` when more changes follow at once (`caughtUp` false).",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "Validator of this page, for If-None-Match when polling.",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "`public, max-age=31536000, immutable` for a full page followed by "
                    + "more changes; `public, no-cache` for the end of the feed, which must be revalidated.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = POLICY_MAX_LENGTH))})
    @APIResponse(responseCode = "304", description = "Not modified: the page is still the one named in If-None-Match. No body.",
            headers = {@Header(name = "ETag", description = "Validator of this page.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "The page's policy, as on its 200.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = POLICY_MAX_LENGTH))})
    @APIResponse(responseCode = "400", description = "`since` is not a token this feed gave (altered, or from another "
            + "list or another database), or `limit` is outside 1..100; `errors` names the parameter.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "tampered-token", summary = "An altered token", value = BAD_TOKEN_EXAMPLE)))
    public RestResponse<ChangePage> list(
            @Parameter(description = "The `next` of the page read last: only changes after it are returned. Absent: from "
                    + "the beginning of the feed.", example = "Y2hhbmdlcy12MXwxMDQy.xPj1b5TB0ZcnOQ3bLQ2kpw",
                    schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TOKEN_LENGTH, pattern = TOKEN_PATTERN))
            @QueryParam("since") String since,
            @Parameter(description = "Most changes on the page.", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "20"), example = "100") @QueryParam("limit") String limit,
            @Parameter(description = "The ETag of this page read earlier: 304 with no body while the page is the same.",
                    example = "\"changes-1042-end\"", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context Request request) {
        int pageSize = QueryParameters.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit());
        long after = feed.positionOf(since);
        ChangePage page = feed.after(after, pageSize);
        long last = page.items().isEmpty() ? after : page.items().get(page.items().size() - 1).position();
        EntityTag etag = new EntityTag("changes-" + last + (page.caughtUp() ? "-end" : "-more"));
        String cachePolicy = page.caughtUp() ? TAIL_POLICY : FULL_PAGE_POLICY;
        if (request.evaluatePreconditions(etag) != null) {
            return RestResponse.ResponseBuilder.<ChangePage>create(RestResponse.Status.NOT_MODIFIED)
                    .tag(etag).header(HttpHeaders.CACHE_CONTROL, cachePolicy).build();
        }
        RestResponse.ResponseBuilder<ChangePage> response = RestResponse.ResponseBuilder.ok(page)
                .tag(etag).header(HttpHeaders.CACHE_CONTROL, cachePolicy);
        if (!page.caughtUp()) {
            URI next = urls.requestUriBuilder().replaceQueryParam("since", page.next()).build();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
