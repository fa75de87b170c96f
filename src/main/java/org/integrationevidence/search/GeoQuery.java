package org.integrationevidence.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.problem.FieldError;

/**
 * The geographic part of a search, parsed and checked: a bounding box ({@code bbox=west,south,east,north}), a point
 * with an optional radius ({@code near=lat,lon}, {@code radius} in km), and a case study whose place others should be
 * like ({@code similarPlace}). Coordinates are WGS 84 decimal degrees. All null means no geographic filter.
 */
public record GeoQuery(BoundingBox bbox, Near near, String similarPlace) {

    /** No geographic filter. */
    public static final GeoQuery NONE = new GeoQuery(null, null, null);

    /** The largest radius: about half the Earth's circumference, so that every point is within it. */
    public static final double MAX_RADIUS_KM = 20_000;
    /** The longest value of {@code bbox} and {@code near} that can be sent: four numbers with plenty of decimals. */
    public static final int MAX_COORDINATES_LENGTH = 100;

    /**
     * A box. When {@code west > east} it crosses the antimeridian (longitude 180): {@code bbox=170,-20,-170,20} is the
     * 20 degrees around it, as RFC 7946 (section 5.2) writes such a box.
     */
    public record BoundingBox(double west, double south, double east, double north) {

        public boolean crossesAntimeridian() {
            return west > east;
        }
    }

    /** A point and, when given, the largest distance from it in kilometres (null: no limit, only an order). */
    public record Near(double latitude, double longitude, Double radiusKm) {
    }

    public boolean isEmpty() {
        return bbox == null && near == null && similarPlace == null;
    }

    /**
     * Parses the four parameters as sent; every problem is added to {@code errors} under its parameter's name, and the
     * parts in error are left null.
     */
    public static GeoQuery parse(String bbox, String near, String radius, String similarPlace, List<FieldError> errors) {
        BoundingBox box = bbox(blankToNull(bbox), errors);
        Near point = near(blankToNull(near), blankToNull(radius), errors);
        String similar = blankToNull(similarPlace);
        if (similar != null && (similar.length() > Slugs.MAX_LENGTH || !similar.matches(Slugs.PATTERN))) {
            errors.add(new FieldError("similarPlace", "\"" + QueryParameters.abbreviate(similar)
                    + "\" is not a case study's slug: it " + Slugs.RULE + ", at most " + Slugs.MAX_LENGTH + " characters"));
            similar = null;
        }
        return new GeoQuery(box, point, similar);
    }

    static BoundingBox bbox(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        double[] numbers = numbers("bbox", value, 4, "west,south,east,north, such as -2.1,53.7,-1.6,53.9", errors);
        if (numbers == null) {
            return null;
        }
        int before = errors.size();
        longitude("bbox", "west", numbers[0], errors);
        latitude("bbox", "south", numbers[1], errors);
        longitude("bbox", "east", numbers[2], errors);
        latitude("bbox", "north", numbers[3], errors);
        if (errors.size() == before && numbers[1] > numbers[3]) {
            errors.add(new FieldError("bbox", "south (" + numbers[1] + ") must not be above north (" + numbers[3] + ")"));
        }
        return errors.size() == before ? new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]) : null;
    }

    static Near near(String value, String radius, List<FieldError> errors) {
        if (value == null) {
            if (radius != null) {
                errors.add(new FieldError("radius", "needs near, the point to measure from"));
            }
            return null;
        }
        int before = errors.size();
        double[] numbers = numbers("near", value, 2, "lat,lon, such as 53.79,-1.75", errors);
        if (numbers != null) {
            latitude("near", "the latitude", numbers[0], errors);
            longitude("near", "the longitude", numbers[1], errors);
        }
        Double km = null;
        if (radius != null) {
            km = number(radius);
            if (km == null) {
                errors.add(new FieldError("radius", "\"" + QueryParameters.abbreviate(radius)
                        + "\" is not a number of kilometres"));
            } else if (km <= 0 || km > MAX_RADIUS_KM) {
                errors.add(new FieldError("radius", "must be more than 0 and at most 20000 (kilometres); it is " + radius));
            }
        }
        return errors.size() == before ? new Near(numbers[0], numbers[1], km) : null;
    }

    private static double[] numbers(String parameter, String value, int count, String expected, List<FieldError> errors) {
        String[] parts = value.split(",", -1);
        if (value.length() > MAX_COORDINATES_LENGTH || parts.length != count) {
            errors.add(new FieldError(parameter, "must be " + count + " numbers separated by commas: " + expected));
            return null;
        }
        double[] numbers = new double[count];
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Double number = number(parts[i]);
            if (number == null) {
                bad.add(parts[i].strip());
            } else {
                numbers[i] = number;
            }
        }
        if (!bad.isEmpty()) {
            errors.add(new FieldError(parameter, "\"" + QueryParameters.abbreviate(String.join(",", bad))
                    + "\" is not a number; it must be " + count + " numbers separated by commas: " + expected));
            return null;
        }
        return numbers;
    }

    /** A finite decimal number, or null: no hexadecimal, no NaN, no Infinity, no type suffix. */
    private static Double number(String value) {
        String trimmed = value.strip();
        if (!trimmed.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double number = Double.parseDouble(trimmed);
        return Double.isFinite(number) ? number : null;
    }

    private static void latitude(String parameter, String name, double value, List<FieldError> errors) {
        if (value < -90 || value > 90) {
            errors.add(new FieldError(parameter, name + " must be a latitude from -90 to 90; it is " + format(value)));
        }
    }

    private static void longitude(String parameter, String name, double value, List<FieldError> errors) {
        if (value < -180 || value > 180) {
            errors.add(new FieldError(parameter, name + " must be a longitude from -180 to 180; it is " + format(value)));
        }
    }

    private static String format(double value) {
        String text = String.format(Locale.ROOT, "%s", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What identifies this part of a search, for cursors: the same search with another point is another search. */
    String fingerprint() {
        return String.valueOf(bbox) + near + similarPlace;
    }
}
