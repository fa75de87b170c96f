package org.integrationevidence.oai;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.casestudy.Vocabulary;

/**
 * Writes an answer as an OAI-PMH 2.0 document, in the order of the protocol's schema (OAI-PMH.xsd): responseDate,
 * request, then the errors or the verb's element. Writes only what it is handed.
 */
final class OaiPmhWriter {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private OaiPmhWriter() {
    }

    /**
     * @param caseStudySchema the absolute URL of the case study format's schema
     * @param caseStudyUrl the absolute URL of case studies in the API, to which a slug is appended
     */
    static String write(OaiResponse response, String caseStudySchema, String caseStudyUrl, ObjectMapper json) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", "OAI-PMH", OAI);
            xml.writeDefaultNamespace(OAI);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("xsi", XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
            element(xml, "responseDate", OaiDates.format(response.responseDate()));
            xml.writeStartElement(OAI, "request");
            for (Map.Entry<String, String> argument : response.requestArguments().entrySet()) {
                xml.writeAttribute(argument.getKey(), xmlText(argument.getValue()));
            }
            xml.writeCharacters(response.baseUrl());
            xml.writeEndElement();
            for (OaiError error : response.errors()) {
                xml.writeStartElement(OAI, "error");
                xml.writeAttribute("code", error.code().name());
                xml.writeCharacters(xmlText(error.message()));
                xml.writeEndElement();
            }
            if (response.result() != null) {
                writeResult(xml, response, caseStudySchema, caseStudyUrl, json);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write an OAI-PMH answer", e);
        }
    }

    private static void writeResult(XMLStreamWriter xml, OaiResponse response, String caseStudySchema, String caseStudyUrl,
            ObjectMapper json) throws XMLStreamException {
        OaiResponse.Result result = response.result();
        if (result instanceof OaiResponse.Identify identify) {
            xml.writeStartElement(OAI, "Identify");
            element(xml, "repositoryName", identify.repositoryName());
            element(xml, "baseURL", response.baseUrl());
            element(xml, "protocolVersion", "2.0");
            element(xml, "adminEmail", identify.adminEmail());
            element(xml, "earliestDatestamp", OaiDates.format(identify.earliestDatestamp()));
            element(xml, "deletedRecord", "persistent");
            element(xml, "granularity", OaiDates.GRANULARITY);
            xml.writeEndElement();
        } else if (result instanceof OaiResponse.MetadataFormats formats) {
            xml.writeStartElement(OAI, "ListMetadataFormats");
            for (MetadataFormat format : formats.formats()) {
                xml.writeStartElement(OAI, "metadataFormat");
                element(xml, "metadataPrefix", format.prefix);
                element(xml, "schema", format == MetadataFormat.CASE_STUDY ? caseStudySchema : format.schema);
                element(xml, "metadataNamespace", format.namespace);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else if (result instanceof OaiResponse.Sets sets) {
            xml.writeStartElement(OAI, "ListSets");
            for (OaiSet set : sets.sets()) {
                xml.writeStartElement(OAI, "set");
                element(xml, "setSpec", set.spec());
                element(xml, "setName", set.name());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else if (result instanceof OaiResponse.Records records) {
            xml.writeStartElement(OAI, records.verb().name());
            for (OaiResponse.Item item : records.items()) {
                if (records.verb() == Verb.ListIdentifiers) {
                    header(xml, item);
                } else {
                    record(xml, item, records.format(), caseStudySchema, caseStudyUrl, json);
                }
            }
            if (records.token() != null) {
                OaiResponse.Token token = records.token();
                xml.writeStartElement(OAI, "resumptionToken");
                if (token.expirationDate() != null) {
                    xml.writeAttribute("expirationDate", OaiDates.format(token.expirationDate()));
                }
                xml.writeAttribute("completeListSize", Long.toString(token.completeListSize()));
                xml.writeAttribute("cursor", Long.toString(token.cursor()));
                if (token.value() != null) {
                    xml.writeCharacters(token.value());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else if (result instanceof OaiResponse.OneRecord one) {
            xml.writeStartElement(OAI, "GetRecord");
            record(xml, one.item(), one.format(), caseStudySchema, caseStudyUrl, json);
            xml.writeEndElement();
        }
    }

    private static void record(XMLStreamWriter xml, OaiResponse.Item item, MetadataFormat format, String caseStudySchema,
            String caseStudyUrl, ObjectMapper json) throws XMLStreamException {
        xml.writeStartElement(OAI, "record");
        header(xml, item);
        if (!item.deleted()) {
            xml.writeStartElement(OAI, "metadata");
            if (format == MetadataFormat.CASE_STUDY) {
                CaseStudyXml.write(xml, item.caseStudy(), json, caseStudySchema);
            } else {
                dublinCore(xml, item.caseStudy(), caseStudyUrl);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void header(XMLStreamWriter xml, OaiResponse.Item item) throws XMLStreamException {
        xml.writeStartElement(OAI, "header");
        if (item.deleted()) {
            xml.writeAttribute("status", "deleted");
        }
        element(xml, "identifier", item.identifier());
        element(xml, "datestamp", OaiDates.format(item.datestamp()));
        for (String spec : item.setSpecs()) {
            element(xml, "setSpec", spec);
        }
        xml.writeEndElement();
    }

    /** Simple Dublin Core: what each of its elements can say of a case study. */
    private static void dublinCore(XMLStreamWriter xml, CaseStudyView caseStudy, String caseStudyUrl)
            throws XMLStreamException {
        xml.writeStartElement("oai_dc", "dc", OAI_DC);
        xml.writeNamespace("oai_dc", OAI_DC);
        xml.writeNamespace("dc", DC);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute("xsi", XSI, "schemaLocation", OAI_DC + " " + MetadataFormat.OAI_DC.schema);
        dc(xml, "title", caseStudy.title());
        for (String organisation : caseStudy.leadOrganisations()) {
            dc(xml, "creator", organisation);
        }
        caseStudy.approaches().forEach(approach -> dcQuietly(xml, "subject", approach.name()));
        caseStudy.themes().forEach(theme -> dcQuietly(xml, "subject", Vocabulary.label(theme)));
        dc(xml, "description", caseStudy.summary());
        for (String organisation : caseStudy.partnerOrganisations()) {
            dc(xml, "contributor", organisation);
        }
        dc(xml, "date", OaiDates.format(caseStudy.updatedAt()));
        dc(xml, "type", "Text");
        dc(xml, "identifier", caseStudyUrl + caseStudy.slug());
        caseStudy.sources().forEach(source -> dcQuietly(xml, "source", source.url() != null ? source.url() : source.title()));
        if (caseStudy.place() != null) {
            List<String> place = java.util.stream.Stream.of(caseStudy.place().name(), caseStudy.place().region(),
                    caseStudy.place().countryCode()).filter(part -> part != null && !part.isBlank()).toList();
            dc(xml, "coverage", String.join(", ", place));
        }
        if (caseStudy.licence() != null) {
            dc(xml, "rights", caseStudy.licence());
        }
        xml.writeEndElement();
    }

    private static void dc(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text != null && !text.isBlank()) {
            xml.writeStartElement("dc", name, DC);
            xml.writeCharacters(xmlText(text));
            xml.writeEndElement();
        }
    }

    private static void dcQuietly(XMLStreamWriter xml, String name, String text) {
        try {
            dc(xml, name, text);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write Dublin Core", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(OAI, name);
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
}
