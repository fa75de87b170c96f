package org.integrationevidence.outcome;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;

/** A group or domain in the vocabulary's tree, with the domains under it. */
@Schema(name = "OutcomeDomainNode", description = "A group of outcome domains with its domains, or a domain.")
public record OutcomeDomainNode(
        @Schema(examples = "social-connections", maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(examples = "Social connections", maxLength = OutcomeDomainInput.MAX_NAME) String name,
        @Schema(maxLength = OutcomeDomainInput.MAX_DEFINITION) String definition,
        @Schema(description = "The domains of a group, in the framework's order; empty for a domain.")
        List<OutcomeDomainNode> children) {
}
