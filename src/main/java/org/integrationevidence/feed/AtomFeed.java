package org.integrationevidence.feed;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.integrationevidence.approach.ApproachRef;
import org.integrationevidence.outcome.OutcomeDomainRef;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.casestudy.Vocabulary;

/**
 * An Atom 1.0 document (RFC 4287) of case studies, newest change first. Each entry's id and link are the case
 * study's URL in the API, so a reader that has seen an entry knows it again when it is updated; approaches and
 * themes become categories, so that a reader can file entries by them. With a WebSub hub configured, the feed names
 * it ({@code <link rel="hub">}, W3C WebSub section 4).
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String TITLE = "Integration Evidence Repository: case studies";
    private static final String AUTHOR = "Integration Evidence Repository";

    private AtomFeed() {
    }

    /**
     * @param self the feed's own URL, which is also its id: one filtered feed is one feed
     * @param caseStudies base URL of the case studies, ending in a slash
     * @param approaches base URL of the approaches, ending in a slash (the scheme of approach categories)
     * @param outcomeDomains base URL of the outcome domains, ending in a slash (the scheme of their categories)
     * @param hub the WebSub hub that readers may subscribe at, or null for none
     */
    static String write(URI self, URI hub, URI caseStudies, URI approaches, URI outcomeDomains, String title,
            String subtitle, List<CaseStudySummary> entries) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", self.toString());
            element(xml, "title", title);
            element(xml, "subtitle", subtitle);
            // With no entries the feed has not changed since the epoch as far as a reader can tell.
            element(xml, "updated", entries.stream().map(CaseStudySummary::updatedAt).max(Instant::compareTo)
                    .orElse(Instant.EPOCH).toString());
            link(xml, "self", self.toString(), "application/atom+xml");
            if (hub != null) {
                xml.writeEmptyElement("link");
                xml.writeAttribute("rel", "hub");
                xml.writeAttribute("href", hub.toString());
            }
            xml.writeStartElement("author");
            element(xml, "name", AUTHOR);
            xml.writeEndElement();
            element(xml, "generator", AUTHOR);
            for (CaseStudySummary entry : entries) {
                String url = caseStudies.resolve(entry.slug()).toString();
                xml.writeStartElement("entry");
                element(xml, "id", url);
                element(xml, "title", entry.title());
                element(xml, "updated", entry.updatedAt().toString());
                element(xml, "published", entry.createdAt().toString());
                link(xml, "alternate", url, "application/json");
                element(xml, "summary", entry.summary());
                for (ApproachRef approach : entry.approaches()) {
                    category(xml, approach.slug(), approaches.toString(), approach.name());
                }
                for (OutcomeDomainRef domain : entry.outcomeDomains()) {
                    category(xml, domain.slug(), outcomeDomains.toString(), domain.name());
                }
                for (Theme theme : entry.themes()) {
                    category(xml, Vocabulary.slugOf(theme), caseStudies + "?theme=", Vocabulary.label(theme));
                }
                if (entry.licence() != null) {
                    element(xml, "rights", entry.licence());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /** XML 1.0 has no way to write most control characters, even escaped: they are left out. */
    static String xmlText(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private static void category(XMLStreamWriter xml, String term, String scheme, String label) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", term);
        xml.writeAttribute("scheme", scheme);
        xml.writeAttribute("label", xmlText(label));
    }
}
