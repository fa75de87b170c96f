package org.integrationevidence.formats;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.http.Representation;

/**
 * Writes works to cite as CSL-JSON (one JSON array), BibTeX or RIS, a few at a time, so that an export streams them.
 * {@link #close} ends the document (the array's bracket) but leaves the writer open.
 */
public final class Citations implements AutoCloseable {

    private final Representation format;
    private final Writer out;
    private final JsonGenerator json;

    private Citations(Representation format, Writer out, JsonGenerator json) {
        this.format = format;
        this.out = out;
        this.json = json;
    }

    /** True for the representations this class writes. */
    public static boolean writes(Representation format) {
        return format == Representation.CSL_JSON || format == Representation.BIBTEX || format == Representation.RIS;
    }

    /** Starts a document of {@code format} (one that {@link #writes}) on {@code out}. */
    public static Citations start(Representation format, Writer out, ObjectMapper mapper) throws IOException {
        if (!writes(format)) {
            throw new IllegalArgumentException(format + " is not a citation format");
        }
        JsonGenerator json = null;
        if (format == Representation.CSL_JSON) {
            json = mapper.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartArray();
        }
        return new Citations(format, out, json);
    }

    public void write(List<CitationItem> items) throws IOException {
        for (CitationItem item : items) {
            switch (format) {
                case CSL_JSON -> json.writeTree(Csl.item(item));
                case BIBTEX -> out.write(BibTex.entry(item) + "\n");
                default -> out.write(Ris.record(item) + "\r\n");
            }
        }
        if (json != null) {
            json.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (json != null) {
            json.writeEndArray();
            json.close();
        }
        out.flush();
    }
}
