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

@Path("/api/v1/evidence-levels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference")
public class EvidenceLevelResource {

    /** One level of the published evidence scale. */
    @Schema(name = "EvidenceLevel", description = "One level of the evidence scale.")
    public record EvidenceLevelView(
            @Schema(examples = "2", minimum = "1", maximum = "5") int level,
            @Schema(examples = "Outcomes reported", maxLength = EvidenceLevel.MAX_LABEL) String label,
            @Schema(maxLength = EvidenceLevel.MAX_DESCRIPTION) String description) {
    }

    private static final List<EvidenceLevelView> LEVELS = Arrays.stream(EvidenceLevel.values())
            .map(level -> new EvidenceLevelView(level.level, level.label, level.description)).toList();

    @Inject
    ConditionalReads conditional;

    @GET
    @PermitAll
    @Operation(operationId = "listEvidenceLevels", summary = "Get the evidence scale",
            description = "The published 1-5 scale on which every case study's evidence is rated, in the spirit of Nesta's "
                    + "Standards of Evidence. A case study is rated for what its sources report, not for what the "
                    + "initiative may have achieved.")
    @APIResponse(responseCode = "200", description = "The five levels, weakest first.")
    public RestResponse<Page<EvidenceLevelView>> list() {
        return conditional.release(LEVELS, () -> Page.all(LEVELS));
    }

    @GET
    @PermitAll
    @Path("crosswalk")
    @Operation(operationId = "getEvidenceCrosswalk", summary = "Get how the evidence scale relates to others",
            description = "For each level of the repository's scale, the levels of the Nesta Standards of Evidence, the "
                    + "Maryland Scientific Methods Scale and the EIF Guidebook's evidence ratings that it corresponds to, with "
                    + "a note. This is the repository's reading of those scales, not an equivalence their authors publish.")
    @APIResponse(responseCode = "200", description = "The crosswalk, weakest level first.")
    public RestResponse<EvidenceCrosswalk> crosswalk() {
        return conditional.release(EvidenceCrosswalk.CROSSWALK, () -> EvidenceCrosswalk.CROSSWALK);
    }
}
