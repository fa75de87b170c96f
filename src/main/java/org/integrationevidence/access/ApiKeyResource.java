package org.integrationevidence.access;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.openapi.SchemaBounds;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
@RolesAllowed(Role.ADMIN_NAME)
@SecurityRequirement(name = "apiKey")
public class ApiKeyResource {

    @Inject
    ApiKeyService keys;

    @Inject
    SecurityIdentity identity;

    @Inject
    PublicUrls urls;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Creates a key with a role. The response is the only time the key itself is shown: store it "
                    + "then. Admins only.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "Created; the response carries the key, once.",
            headers = @Header(name = "Location", description = "URL of the new key's details.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedApiKey.class)))
    public RestResponse<CreatedApiKey> create(ApiKeyInput input) {
        CreatedApiKey created = keys.create(input, KeyHolder.of(identity));
        URI location = urls.location(ApiKeyResource.class, Long.toString(created.details().id()));
        return RestResponse.ResponseBuilder.<CreatedApiKey>created(location).entity(created).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Every key, newest first, revoked and expired ones included, without the keys themselves. Admins only.")
    @APIResponse(responseCode = "200", description = "All keys; `next` is always null.")
    public Page<ApiKeyView> list() {
        List<ApiKeyView> all = keys.list();
        return Page.all(all);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getApiKey", summary = "Get an API key", description = "One key's details, without the key. Admins only.")
    @APIResponse(responseCode = "200", description = "The key's details.")
    public ApiKeyView get(@Parameter(description = "Id of the key.", example = "7", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id) {
        return keys.get(parseId(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "Revokes the key: it is refused from the next request on. The record is kept. Revoking a revoked "
                    + "key changes nothing; the last usable admin key cannot be revoked (409). Admins only.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void revoke(@Parameter(description = "Id of the key.", example = "7", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id) {
        keys.revoke(parseId(id));
    }

    private static long parseId(String id) {
        return QueryParameters.pathNumber(id, Long.MAX_VALUE, "There is no API key with the id \"" + id + "\".");
    }
}
