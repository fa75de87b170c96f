package org.integrationevidence.casestudy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.integrationevidence.common.ApiException;
import org.integrationevidence.common.CountryCode;
import org.integrationevidence.common.FieldError;

/**
 * Filters of the case study list. Values within one filter are alternatives (OR); different filters must all
 * hold (AND). An empty list means "no filter".
 */
public record CaseStudyFilter(List<String> approaches, List<String> countries, List<Theme> themes,
        List<TargetGroup> targetGroups) {

    /**
     * Parses the list filters as given in a query string. Country codes are accepted in any case; unknown
     * countries, themes and target groups are a 400 naming the parameter and the allowed values.
     */
    public static CaseStudyFilter parse(List<String> approach, List<String> country, List<String> theme,
            List<String> targetGroup) {
        List<FieldError> errors = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        for (String value : nonBlank(country)) {
            String code = value.toUpperCase(Locale.ROOT);
            if (CountryCode.Validator.isValid(code)) {
                countries.add(code);
            } else {
                errors.add(new FieldError("country", "\"" + value + "\" is not an ISO 3166-1 alpha-2 country code, such as GB or IT"));
            }
        }
        List<Theme> themes = vocabulary(Theme.class, "theme", theme, errors);
        List<TargetGroup> targetGroups = vocabulary(TargetGroup.class, "targetGroup", targetGroup, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new CaseStudyFilter(nonBlank(approach), countries, themes, targetGroups);
    }

    private static <E extends Enum<E>> List<E> vocabulary(Class<E> type, String parameter, List<String> values,
            List<FieldError> errors) {
        List<E> parsed = new ArrayList<>();
        for (String value : nonBlank(values)) {
            Vocabulary.parse(type, value).ifPresentOrElse(parsed::add, () -> errors.add(new FieldError(parameter,
                    "\"" + value + "\" is not one of: " + Vocabulary.allowed(type))));
        }
        return parsed;
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    public static CaseStudyFilter approach(String slug) {
        return new CaseStudyFilter(List.of(slug), List.of(), List.of(), List.of());
    }
}
