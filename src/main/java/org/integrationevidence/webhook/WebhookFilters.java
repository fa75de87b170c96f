package org.integrationevidence.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which case studies a subscription is told of: the search parameters of the same names, with the same meanings (OR
 * within one, AND across); none for every case study.
 */
@Schema(name = "WebhookFilters", description = "Which case studies to be told of, with the meaning of the search "
        + "parameters of the same names (see listing case studies): values of one filter are alternatives, filters "
        + "combine. Leave out for every case study. A case study that stops matching after a change is sent once as "
        + "`case-study.unmatched`.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WebhookFilters(
        @Schema(description = "Free text, with the search syntax.", maxLength = 500, examples = "school linking")
        @Size(max = 500) String q,
        @Schema(description = "Approach slugs (narrower approaches included).", examples = "[\"school-linking\"]", maxItems = 100)
        @Size(max = 100) List<@Size(max = 200) String> approach,
        @Schema(description = "ISO 3166-1 alpha-2 country codes.", examples = "[\"GB\"]", maxItems = 100)
        @Size(max = 100) List<@Size(max = 200) String> country,
        @Schema(description = "Themes (values of the Theme schema).", examples = "[\"social-contact\"]", maxItems = 100)
        @Size(max = 100) List<@Size(max = 200) String> theme,
        @Schema(description = "Target groups (values of the TargetGroup schema).", examples = "[\"women\"]", maxItems = 100)
        @Size(max = 100) List<@Size(max = 200) String> targetGroup,
        @Schema(description = "Outcome domain slugs.", examples = "[\"bridges\"]", maxItems = 100)
        @Size(max = 100) List<@Size(max = 200) String> outcomeDomain) {

    static final WebhookFilters NONE = new WebhookFilters(null, List.of(), List.of(), List.of(), List.of(), List.of());

    /** The same filters with empty lists for those left out, and a blank text as none. */
    WebhookFilters normalized() {
        return new WebhookFilters(q == null || q.isBlank() ? null : q.strip(), orEmpty(approach), orEmpty(country),
                orEmpty(theme), orEmpty(targetGroup), orEmpty(outcomeDomain));
    }

    boolean isEmpty() {
        WebhookFilters n = normalized();
        return n.q == null && n.approach.isEmpty() && n.country.isEmpty() && n.theme.isEmpty() && n.targetGroup.isEmpty()
                && n.outcomeDomain.isEmpty();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }
}
