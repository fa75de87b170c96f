package org.integrationevidence.imports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;

/** The file formats an import takes, by their media type. */
enum ImportFormat {
    CSV("text/csv"),
    NDJSON("application/x-ndjson");

    static final String CSV_TYPE = "text/csv";
    static final String NDJSON_TYPE = "application/x-ndjson";

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format of a request's Content-Type; anything else, or a charset other than UTF-8, is 415. */
    static ImportFormat of(String contentType) {
        MediaType type = null;
        try {
            type = contentType == null || contentType.isBlank() ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            // not a media type: refused below like any other
        }
        if (type != null) {
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
                throw unsupported("Import files must be UTF-8; this one says charset=" + charset + ".");
            }
            String essence = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            for (ImportFormat format : values()) {
                if (format.mediaType.equals(essence)) {
                    return format;
                }
            }
        }
        throw unsupported("Send the file as text/csv or application/x-ndjson (one case study as a JSON object per line), "
                + "not " + (contentType == null || contentType.isBlank() ? "without a Content-Type" : contentType) + ".");
    }

    private static ApiException unsupported(String detail) {
        return new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }
}
