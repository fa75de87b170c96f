package org.integrationevidence.outcome;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.openapi.SchemaBounds;

/** One outcome domain or group with its place in the tree, as the API serves it. */
@Schema(name = "OutcomeDomain", description = "An outcome domain with its group, or a group with its domains.")
public record OutcomeDomainView(
        @Schema(examples = "bridges", maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(examples = "Bridges", maxLength = OutcomeDomainInput.MAX_NAME) String name,
        @Schema(maxLength = OutcomeDomainInput.MAX_DEFINITION) String definition,
        @Schema(description = "The group of a domain; null for a group.", nullable = true)
        OutcomeDomainRef parent,
        @Schema(description = "The domains of a group, in the framework's order; empty for a domain.")
        List<OutcomeDomainRef> children,
        @Schema(description = "Place among its siblings, 1 first, as the framework lists them.", examples = "2",
                minimum = "1", maximum = SchemaBounds.MAX_INT)
        int position,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "0 when created; increases by one with every change.", examples = "0", minimum = "0",
                maximum = SchemaBounds.MAX_LONG) long version) {
}
