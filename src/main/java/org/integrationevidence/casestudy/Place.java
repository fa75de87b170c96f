package org.integrationevidence.casestudy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
        Scale scale,
        @Schema(description = "ISO 3166-2 code of the country subdivision the place lies in (such as `GB-BFD`, the City "
                + "of Bradford), when it lies in one; it starts with `countryCode`. Empty where no source says.",
                examples = "GB-BFD", nullable = true, pattern = SUBDIVISION_PATTERN, maxLength = 6)
        @Pattern(regexp = SUBDIVISION_PATTERN, message = "must be an ISO 3166-2 code, such as GB-BFD or IT-TO")
        String subdivisionCode,
        @Schema(description = "The Eurostat NUTS code (any level, 2 to 5 characters) of the region the place lies in, "
                + "where the NUTS classification covers it (EU and EFTA countries and candidates). Empty where none "
                + "applies or no source says.", examples = "ITC11", nullable = true, pattern = NUTS_PATTERN, maxLength = 5)
        @Pattern(regexp = NUTS_PATTERN, message = "must be a NUTS code, such as ITC11 or BE100")
        String nutsCode,
        @Schema(description = "The Degree of Urbanisation class (Eurostat's DEGURBA, level 1) of the place: "
                + "`cities`, `towns-and-semi-dense-areas` or `rural-areas`. Empty where no source says.",
                examples = "cities", nullable = true, maxLength = DegreeOfUrbanisation.MAX_LENGTH)
        DegreeOfUrbanisation degreeOfUrbanisation,
        @Schema(description = "How many people live in the place as named (its local authority's area when it has "
                + "one), as a band: `under-50k`, `50k-to-250k`, `250k-to-1m` or `over-1m`. Empty where no source says.",
                examples = "250k-to-1m", nullable = true, maxLength = PopulationBand.MAX_LENGTH)
        PopulationBand populationBand) {

    /** The longest name of a place, local authority or region. */
    public static final int MAX_NAME = 120;
    /** An ISO 3166-2 code: the country's alpha-2 code, a hyphen, one to three letters or digits. */
    public static final String SUBDIVISION_PATTERN = "^[A-Z]{2}-[A-Z0-9]{1,3}$";
    /** A NUTS code: the country's two letters, then up to three letters or digits (level 1 to 3). */
    public static final String NUTS_PATTERN = "^[A-Z]{2}[A-Z0-9]{0,3}$";

    /** Whether the place has both coordinates. */
    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** A place with only a name, country and coordinates: for tests and seeds that say no more. */
    public static Place located(String name, String countryCode, Double latitude, Double longitude) {
        return new Place(name, null, null, countryCode, latitude, longitude, null, null, null, null, null);
    }

}
