package org.integrationevidence.oai;

import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.casestudy.CaseStudyView;

/**
 * The repository's own metadata format: the full case study as XML, and its XML Schema. Both are made from the
 * structure of {@link CaseStudyView}, the JSON answer of {@code GET /api/v1/case-studies/{slug}}, so they can never
 * drift apart: each field becomes an element of the same name, in the same order; a list becomes an element holding
 * one element per item, named in the singular ({@code approaches/approach}); values are written as the JSON answer
 * writes them. A field absent or null in JSON is left out.
 */
final class CaseStudyXml {

    static final String NAMESPACE = "urn:integration-evidence:case-study:1";
    static final String ROOT = "caseStudy";
    private static final String XS = "http://www.w3.org/2001/XMLSchema";

    /** XML Schema types of the values that are not records, lists or enumerations. */
    private static final Map<Class<?>, String> SIMPLE_TYPES = Map.ofEntries(
            Map.entry(String.class, "xs:string"), Map.entry(Integer.class, "xs:int"), Map.entry(int.class, "xs:int"),
            Map.entry(Long.class, "xs:long"), Map.entry(long.class, "xs:long"), Map.entry(Double.class, "xs:double"),
            Map.entry(double.class, "xs:double"), Map.entry(Boolean.class, "xs:boolean"),
            Map.entry(boolean.class, "xs:boolean"), Map.entry(Instant.class, "xs:dateTime"),
            Map.entry(LocalDate.class, "xs:date"));

    private CaseStudyXml() {
    }

    /** Writes the case study as the root element of this format, declaring its namespace and schema location. */
    static void write(XMLStreamWriter xml, CaseStudyView caseStudy, ObjectMapper json, String schemaUrl)
            throws XMLStreamException {
        xml.writeStartElement("", ROOT, NAMESPACE);
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeNamespace("xsi", OaiPmhWriter.XSI);
        xml.writeAttribute("xsi", OaiPmhWriter.XSI, "schemaLocation", NAMESPACE + " " + schemaUrl);
        writeFields(xml, CaseStudyView.class, json.valueToTree(caseStudy));
        xml.writeEndElement();
    }

    private static void writeFields(XMLStreamWriter xml, Class<?> record, JsonNode node) throws XMLStreamException {
        for (RecordComponent component : record.getRecordComponents()) {
            writeValue(xml, component.getName(), component.getGenericType(), node.get(component.getName()));
        }
    }

    private static void writeValue(XMLStreamWriter xml, String name, Type type, JsonNode node) throws XMLStreamException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        xml.writeStartElement(NAMESPACE, name);
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type item = list.getActualTypeArguments()[0];
            for (JsonNode element : node) {
                writeValue(xml, singular(name), item, element);
            }
        } else if (type instanceof Class<?> record && record.isRecord()) {
            writeFields(xml, record, node);
        } else {
            xml.writeCharacters(OaiPmhWriter.xmlText(node.asText()));
        }
        xml.writeEndElement();
    }

    /** The XML Schema of the format. */
    static String schema(ObjectMapper json) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("xs", "schema", XS);
            xml.writeNamespace("xs", XS);
            xml.writeAttribute("targetNamespace", NAMESPACE);
            xml.writeAttribute("elementFormDefault", "qualified");
            xml.writeStartElement(XS, "annotation");
            xml.writeStartElement(XS, "documentation");
            xml.writeCharacters("A case study of the Integration Evidence Repository, as its OAI-PMH provider disseminates it "
                    + "in the format case_study: the fields of the JSON answer of GET /api/v1/case-studies/{slug}, in the "
                    + "same order and with the same names; a list holds one element per item, named in the singular.");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement(XS, "element");
            xml.writeAttribute("name", ROOT);
            schemaOfRecord(xml, CaseStudyView.class, json);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the case study schema", e);
        }
    }

    private static void schemaOfRecord(XMLStreamWriter xml, Class<?> record, ObjectMapper json) throws XMLStreamException {
        xml.writeStartElement(XS, "complexType");
        xml.writeStartElement(XS, "sequence");
        for (RecordComponent component : record.getRecordComponents()) {
            schemaOfElement(xml, component.getName(), component.getGenericType(), json, "0", "1");
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void schemaOfElement(XMLStreamWriter xml, String name, Type type, ObjectMapper json, String min,
            String max) throws XMLStreamException {
        xml.writeStartElement(XS, "element");
        xml.writeAttribute("name", name);
        xml.writeAttribute("minOccurs", min);
        xml.writeAttribute("maxOccurs", max);
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            xml.writeStartElement(XS, "complexType");
            xml.writeStartElement(XS, "sequence");
            schemaOfElement(xml, singular(name), list.getActualTypeArguments()[0], json, "0", "unbounded");
            xml.writeEndElement();
            xml.writeEndElement();
        } else if (type instanceof Class<?> record && record.isRecord()) {
            schemaOfRecord(xml, record, json);
        } else if (type instanceof Class<?> enumeration && enumeration.isEnum()) {
            xml.writeStartElement(XS, "simpleType");
            xml.writeStartElement(XS, "restriction");
            xml.writeAttribute("base", "xs:string");
            Set<String> values = new LinkedHashSet<>();
            for (Object constant : enumeration.getEnumConstants()) {
                values.add(json.valueToTree(constant).asText());
            }
            for (String value : values) {
                xml.writeEmptyElement(XS, "enumeration");
                xml.writeAttribute("value", value);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        } else if (type instanceof Class<?> simple && SIMPLE_TYPES.containsKey(simple)) {
            xml.writeAttribute("type", SIMPLE_TYPES.get(simple));
        } else {
            throw new IllegalStateException("No XML Schema type for " + type + " of " + name);
        }
        xml.writeEndElement();
    }

    /** The name of a list's items: {@code approaches} holds {@code approach}, {@code targetGroups} {@code targetGroup}. */
    static String singular(String name) {
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        if (name.endsWith("ches") || name.endsWith("shes") || name.endsWith("sses") || name.endsWith("xes")) {
            return name.substring(0, name.length() - 2);
        }
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "Item";
    }
}
