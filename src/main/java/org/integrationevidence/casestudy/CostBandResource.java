package org.integrationevidence.casestudy;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.Page;
import org.jboss.resteasy.reactive.RestResponse;

/** The published cost scale, beside the evidence scale. */
@Path("/api/v1/cost-bands")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference")
public class CostBandResource {

    /** One band of the cost scale. */
    @Schema(name = "CostBand", description = "One band of the cost scale.")
    public record CostBandView(
            @Schema(examples = "2", minimum = "1", maximum = "5") int band,
            @Schema(examples = "Low", maxLength = CostBand.MAX_LABEL) String label,
            @Schema(maxLength = CostBand.MAX_DESCRIPTION) String description) {
    }

    private static final List<CostBandView> BANDS = Arrays.stream(CostBand.values())
            .map(band -> new CostBandView(band.band, band.label, band.description)).toList();

    @Inject
    ConditionalReads conditional;

    @GET
    @PermitAll
    @Operation(operationId = "listCostBands", summary = "Get the cost scale",
            description = "The published 1-5 scale on which a case study's cost is banded, when its sources say what the "
                    + "initiative needed in money, staff and premises. The bands are the repository's; a case study without "
                    + "such facts has no cost.")
    @APIResponse(responseCode = "200", description = "The five bands, cheapest first.")
    public RestResponse<Page<CostBandView>> list() {
        return conditional.release(BANDS, () -> Page.all(BANDS));
    }
}
