package org.integrationevidence.casestudy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A move through the review workflow, with an optional note (required to return a submission). */
@Schema(name = "TransitionInput", description = "A move of the case study through the review workflow.")
public record TransitionInput(
        @Schema(description = "submit (draft to in-review; its curator or an editor), publish (draft or in-review to "
                + "published), return (in-review to draft, with a note), withdraw (to withdrawn), restore (withdrawn to "
                + "draft). All but submit are for editors.", examples = "publish",
                enumeration = {"submit", "publish", "return", "withdraw", "restore"})
        @NotNull Transition action,
        @Schema(description = "Why: shown to the case study's curator and editors. Required to return a submission.",
                examples = "Checked against the source; ready.", maxLength = MAX_NOTE, nullable = true)
        @Size(max = MAX_NOTE) String note) {

    public static final int MAX_NOTE = 2000;

}
