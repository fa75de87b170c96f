package org.integrationevidence.outcome;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;

/** A reference to an outcome domain, embedded wherever another resource points at one. */
@Schema(description = "An outcome domain or group, by slug and name.")
public record OutcomeDomainRef(
        @Schema(examples = "bridges", maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(examples = "Bridges", maxLength = OutcomeDomainInput.MAX_NAME) String name) {

    public static OutcomeDomainRef of(OutcomeDomain domain) {
        return new OutcomeDomainRef(domain.slug, domain.name);
    }
}
