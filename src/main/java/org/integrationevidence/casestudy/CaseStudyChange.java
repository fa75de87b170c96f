package org.integrationevidence.casestudy;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.integrationevidence.http.IfMatch;

/**
 * What a change of a case study sends besides its body ({@code @BeanParam}): the If-Match it requires, and the
 * reason kept with the revision it makes.
 */
public class CaseStudyChange {

    static final String REASON = "Why the change is made, kept with the revision it makes (at most 2,000 characters).";
    static final String REASON_EXAMPLE = "Added the council's 2019 evaluation as a source.";

    @Parameter(description = "The ETag of the version you read (from GET). Required: without it the answer is 428; if "
            + "the case study changed since, 412.", example = "\"3\"")
    @HeaderParam(IfMatch.HEADER)
    String ifMatch;

    @Parameter(description = REASON, example = REASON_EXAMPLE,
            schema = @Schema(type = SchemaType.STRING, maxLength = CaseStudyWrites.MAX_REASON_LENGTH))
    @QueryParam("reason")
    String reason;

    /** The If-Match sent; 428 when there is none. */
    IfMatch precondition() {
        return IfMatch.required(ifMatch);
    }

    String reason() {
        return reason;
    }
}
