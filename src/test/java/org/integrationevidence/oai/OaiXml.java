package org.integrationevidence.oai;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import io.restassured.specification.RequestSpecification;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Requests to /oai and XPath over their answers, with the prefixes oai, dc, oai_dc and cs. */
final class OaiXml {

    static final Map<String, String> NAMESPACES = Map.of("oai", "http://www.openarchives.org/OAI/2.0/",
            "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/", "dc", "http://purl.org/dc/elements/1.1/",
            "cs", "urn:integration-evidence:case-study:1");

    final String text;
    final Document document;

    private OaiXml(String text) {
        this.text = text;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + text, e);
        }
    }

    /** A GET of /oai with these arguments, as name-value pairs; always a 200 with XML. */
    static OaiXml get(String... arguments) {
        RequestSpecification request = given().urlEncodingEnabled(true);
        for (int i = 0; i < arguments.length; i += 2) {
            request.queryParam(arguments[i], arguments[i + 1]);
        }
        var response = request.when().get("/oai").then().statusCode(200).extract();
        assertEquals("text/xml;charset=UTF-8", response.contentType().replace(" ", ""));
        return new OaiXml(response.asString());
    }

    static OaiXml parse(String text) {
        return new OaiXml(text);
    }

    String string(String xpath) {
        try {
            return (String) xpath().evaluate(xpath, document, XPathConstants.STRING);
        } catch (Exception e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    List<String> strings(String xpath) {
        try {
            NodeList nodes = (NodeList) xpath().evaluate(xpath, document, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
            return values;
        } catch (Exception e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    Node node(String xpath) {
        try {
            return (Node) xpath().evaluate(xpath, document, XPathConstants.NODE);
        } catch (Exception e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** The error codes of the answer, in order. */
    List<String> errors() {
        return strings("/oai:OAI-PMH/oai:error/@code");
    }

    /** The attributes of the request element. */
    Map<String, String> requestAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        var map = node("/oai:OAI-PMH/oai:request").getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            attributes.put(map.item(i).getNodeName(), map.item(i).getNodeValue());
        }
        return attributes;
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                return List.<String>of().iterator();
            }
        });
        return xpath;
    }
}
