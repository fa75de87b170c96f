package org.integrationevidence.formats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Items in CSL-JSON, the Citation Style Language's data format (as citeproc-js, Zotero and Pandoc read it). A case
 * study is a {@code document} with a version (APA: "Author. (Year). Title (Version n). URL"), a cited book a
 * {@code book}, any other cited work a {@code document}. Names are literals: the data never splits them.
 */
final class Csl {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Csl() {
    }

    static ObjectNode item(CitationItem item) {
        ObjectNode node = NODES.objectNode();
        node.put("id", item.id());
        node.put("type", item.kind() == CitationItem.Kind.BOOK ? "book" : "document");
        node.put("title", item.title());
        if (item.author() != null) {
            node.putArray("author").addObject().put("literal", item.author());
        }
        putIfPresent(node, "publisher", item.publisher());
        if (item.issued() != null) {
            node.putObject("issued").putArray("date-parts").addArray().add(item.issued().getYear())
                    .add(item.issued().getMonthValue()).add(item.issued().getDayOfMonth());
        }
        putIfPresent(node, "version", item.version());
        putIfPresent(node, "URL", item.url());
        putIfPresent(node, "DOI", item.doi());
        putIfPresent(node, "ISBN", item.isbn());
        // CSL has no Handle variable: a note says it, as "hdl:" URIs do.
        putIfPresent(node, "note", item.handle() == null ? null : "hdl:" + item.handle());
        putIfPresent(node, "abstract", item.summary());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
