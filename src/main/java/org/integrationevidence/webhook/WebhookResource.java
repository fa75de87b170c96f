package org.integrationevidence.webhook;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.access.Role;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.openapi.SchemaBounds;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed(Role.EDITOR_NAME)
@SecurityRequirement(name = "apiKey")
public class WebhookResource {

    private static final String ID = "Id of the webhook subscription.";
    private static final String SIGNED = " Deliveries are POSTed as the Standard Webhooks specification says, with the "
            + "headers `webhook-id`, `webhook-timestamp` and `webhook-signature`; see docs/guide/webhooks.md.";

    @Inject
    WebhookService webhooks;

    @Inject
    SecurityIdentity identity;

    @Inject
    PublicUrls urls;

    @Inject
    EvidenceConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to changes (webhook)",
            description = "Registers a destination to be told of changes of case studies (published, updated, withdrawn, "
                    + "deleted: the change feed's kinds), optionally only of those matching a filter, and of changes of "
                    + "the approach taxonomy. The answer carries the signing secret, once: store it. Events from the "
                    + "change feed's position now on are delivered, at least once and in order." + SIGNED
                    + " The destination must be https and resolve to public addresses only (400 otherwise). Editors "
                    + "(their own subscriptions) and admins (all).")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "Created; the answer carries the secret, once.",
            headers = @Header(name = "Location", description = "URL of the new subscription.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<WebhookView> create(WebhookInput input) {
        WebhookView created = webhooks.create(input, KeyHolder.of(identity));
        URI location = urls.location(WebhookResource.class, Long.toString(created.id()));
        return RestResponse.ResponseBuilder.<WebhookView>created(location).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions",
            description = "The subscriptions this key may manage (an editor's own, every one for admins), newest first, "
                    + "without their secrets, each with its status and backlog.")
    @APIResponse(responseCode = "200", description = "All of them; `next` is always null.")
    public Page<WebhookView> list() {
        return webhooks.list(KeyHolder.of(identity));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription",
            description = "A subscription's settings, status (with why it was disabled or ended) and backlog, without its secret.")
    @APIResponse(responseCode = "200", description = "The subscription.")
    public WebhookView get(@Parameter(description = ID, example = "12", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id) {
        return webhooks.get(parseId(id), KeyHolder.of(identity));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook subscription",
            description = "Deletes the subscription, its queue and its delivery log; nothing more is sent.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@Parameter(description = ID, example = "12", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id) {
        webhooks.delete(parseId(id), KeyHolder.of(identity));
    }

    @POST
    @Path("{id}/pause")
    @Operation(operationId = "pauseWebhook", summary = "Pause a webhook subscription",
            description = "Stops sending; events go on being queued, and are sent in order when it is resumed.")
    @APIResponse(responseCode = "200", description = "Paused.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public WebhookView pause(@Parameter(description = ID, example = "12", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id) {
        return webhooks.pause(parseId(id), KeyHolder.of(identity));
    }

    @POST
    @Path("{id}/resume")
    @Operation(operationId = "resumeWebhook", summary = "Resume a webhook subscription",
            description = "Sends again, from the oldest queued delivery, a paused subscription or one the service "
                    + "disabled after a run of failures; its run of failures starts again from none. An ended one (410) cannot "
                    + "be resumed (409).")
    @APIResponse(responseCode = "200", description = "Active again.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public WebhookView resume(@Parameter(description = ID, example = "12", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id) {
        return webhooks.resume(parseId(id), KeyHolder.of(identity));
    }

    @POST
    @Path("{id}/rotate-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook subscription's secret",
            description = "Makes a new secret, shown once in the answer. During the overlap (`overlapSeconds`, by default "
                    + "24 hours) each delivery carries two signatures in `webhook-signature`, with the new secret and with "
                    + "the previous one, so a receiver can switch to the new secret at any moment within it. The body may "
                    + "be left out.")
    @RequestBody(required = false)
    @APIResponse(responseCode = "200", description = "The subscription with its new secret.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public WebhookView rotate(@Parameter(description = ID, example = "12", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id, RotationInput input) {
        return webhooks.rotate(parseId(id), input, KeyHolder.of(identity));
    }

    @POST
    @Path("{id}/test")
    @Operation(operationId = "testWebhook", summary = "Send a test event",
            description = "Queues a `webhook.test` event at the end of the subscription's queue, signed as every delivery; "
                    + "its outcome shows in the delivery log.")
    @APIResponse(responseCode = "202", description = "Queued.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<DeliveryView> test(@Parameter(description = ID, example = "12", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id) {
        return RestResponse.accepted(webhooks.test(parseId(id), KeyHolder.of(identity)));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Read a webhook subscription's delivery log",
            description = "Its deliveries, newest first, each with every attempt: when, the receiver's status code, how "
                    + "long it took and what went wrong. Delivered and failed ones are kept for "
                    + "evidence.webhooks.log-retention (30 days).")
    @APIResponse(responseCode = "200", description = "A page of the log.")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    public Page<DeliveryView> deliveries(@Parameter(description = ID, example = "12", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id,
            @Parameter(description = "Page size, 1 to 100.", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The `next` of the previous page.", example = "MjAyNi0xMS0yM1QxMzowMDowMFp8MTI",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Cursor.MAX_LENGTH))
            @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(parseId(id), cursor, QueryParameters.limit(limit, config.paging().defaultLimit(),
                config.paging().maxLimit()), KeyHolder.of(identity));
    }

    @POST
    @Path("{id}/deliveries/{delivery}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Redeliver a delivery",
            description = "Queues the delivery again, with the same `webhook-id` and body, at the end of the queue.")
    @APIResponse(responseCode = "202", description = "Queued.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<DeliveryView> redeliver(@Parameter(description = ID, example = "12", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("id") String id,
            @Parameter(description = "Id of the delivery, from the log.", example = "5531", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("delivery") String delivery) {
        long subscription = parseId(id);
        long deliveryId = QueryParameters.pathNumber(delivery, Long.MAX_VALUE, "The webhook " + id + " has no delivery " + delivery + ".");
        return RestResponse.accepted(webhooks.redeliver(subscription, deliveryId, KeyHolder.of(identity)));
    }

    private static long parseId(String id) {
        return QueryParameters.pathNumber(id, Long.MAX_VALUE, "There is no webhook subscription with the id \"" + id + "\".");
    }
}
