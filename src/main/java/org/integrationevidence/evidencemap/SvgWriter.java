package org.integrationevidence.evidencemap;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes SVG elements through StAX, which escapes every text and attribute value; attributes come as name, value
 * pairs in the order given, so that the same map always makes the same document.
 */
final class SvgWriter {

    static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;

    SvgWriter() {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** The root element, with the SVG and XLink namespaces. */
    void startRoot(Object... attributes) {
        try {
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace(SVG);
            xml.writeNamespace("xlink", XLINK);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    void start(String name, Object... attributes) {
        try {
            xml.writeCharacters("\n");
            xml.writeStartElement(name);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** A link, with href for SVG 2 and xlink:href for the renderers of SVG 1.1 (office suites, converters). */
    void startLink(String href) {
        start("a", "href", href);
        try {
            xml.writeAttribute("xlink", XLINK, "href", TextFit.clean(href));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** An element without content. */
    void empty(String name, Object... attributes) {
        try {
            xml.writeCharacters("\n");
            xml.writeEmptyElement(name);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** An element holding only text. */
    void text(String name, String content, Object... attributes) {
        start(name, attributes);
        characters(content);
        end();
    }

    void characters(String content) {
        try {
            xml.writeCharacters(TextFit.clean(content));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    void end() {
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    String finish() {
        try {
            xml.writeEndDocument();
            xml.close();
            return text + "\n";
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private void attributes(Object... pairs) throws XMLStreamException {
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null) {
                xml.writeAttribute((String) pairs[i], value instanceof Number number ? number(number) : TextFit.clean(value.toString()));
            }
        }
    }

    /** A coordinate: at most two decimals, no trailing zeros, never an exponent or a locale's comma. */
    static String number(Number value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        BigDecimal rounded = BigDecimal.valueOf(value.doubleValue()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    private static IllegalStateException failure(XMLStreamException e) {
        return new IllegalStateException("Cannot write the evidence map as SVG", e);
    }
}
