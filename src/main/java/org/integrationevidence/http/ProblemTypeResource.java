package org.integrationevidence.http;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;


/** Makes every problem {@code type} URI dereferenceable: it describes the kind of error and what to do about it. */
@Path(ProblemType.BASE_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference")
public class ProblemTypeResource {

    /** A kind of error the API reports. */
    @Schema(name = "ProblemType", description = "A kind of error the API reports, as named by a problem's type.")
    public record ProblemTypeView(
            @Schema(examples = "/problems/validation", maxLength = ProblemType.MAX_URI) String type,
            @Schema(examples = "Invalid request", maxLength = ProblemType.MAX_TITLE) String title,
            @Schema(examples = "400", minimum = "400", maximum = "599") int status,
            @Schema(maxLength = ProblemType.MAX_DESCRIPTION) String description) {

        static ProblemTypeView of(ProblemType type) {
            return new ProblemTypeView(type.uri(), type.title(), type.status(), type.description());
        }
    }

    @Inject
    ConditionalReads conditional;

    @GET
    @PermitAll
    @Operation(operationId = "listProblemTypes", summary = "List problem types",
            description = "Every kind of error the API reports, by the `type` URI found in problem documents.")
    @APIResponse(responseCode = "200", description = "All problem types.")
    public RestResponse<Page<ProblemTypeView>> list() {
        List<ProblemTypeView> types = Arrays.stream(ProblemType.values()).map(ProblemTypeView::of).toList();
        return conditional.release(types, () -> Page.all(types));
    }

    @GET
    @PermitAll
    @Path("{type}")
    @Operation(operationId = "getProblemType", summary = "Describe a problem type",
            description = "What a problem `type` means and what a client can do about it.")
    @APIResponse(responseCode = "200", description = "The problem type.")
    public RestResponse<ProblemTypeView> get(@Parameter(description = "Last segment of the type URI.", example = "validation",
            schema = @Schema(type = SchemaType.STRING, maxLength = ProblemType.MAX_SLUG, pattern = "^[a-z]+(-[a-z]+)*$"))
            @PathParam("type") String type) {
        ProblemTypeView view = ProblemType.bySlug(type).map(ProblemTypeView::of)
                .orElseThrow(() -> ApiException.notFound("There is no problem type \"" + type + "\"."));
        return conditional.release(view, () -> view);
    }
}
