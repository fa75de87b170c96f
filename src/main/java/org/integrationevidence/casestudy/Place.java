package org.integrationevidence.casestudy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a case study took place. The same shape is read and written. */
@Schema(description = "Where the initiative took place.")
public record Place(
        @Schema(description = "Name of the place: a neighbourhood, city, region or country.", examples = "Bradford", maxLength = MAX_NAME)
        @NotBlank @Size(max = MAX_NAME) String name,
        @Schema(description = "The local authority or city government, when there is one.", examples = "Bradford Council",
                nullable = true, maxLength = MAX_NAME)
        @Size(max = MAX_NAME) String localAuthority,
        @Schema(description = "Region, when the source names one.", examples = "London", nullable = true, maxLength = MAX_NAME)
        @Size(max = MAX_NAME) String region,
        @Schema(description = "ISO 3166-1 alpha-2 country code; null for initiatives spanning several countries.", examples = "GB",
                nullable = true, pattern = "^[A-Z]{2}$", maxLength = 2)
        @CountryCode String countryCode,
        @Schema(description = "Latitude in decimal degrees; given together with longitude or not at all.", nullable = true,
                minimum = "-90", maximum = "90")
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Schema(description = "Longitude in decimal degrees; given together with latitude or not at all.", nullable = true,
                minimum = "-180", maximum = "180")
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        // A nullable reference is written as "string or null", whose string needs a bound of its own.
        @Schema(description = "Geographic reach of the initiative; null when the sources do not say.", examples = "city",
                nullable = true, maxLength = Scale.MAX_LENGTH)
        Scale scale) {

    /** The longest name of a place, local authority or region. */
    public static final int MAX_NAME = 120;

}
