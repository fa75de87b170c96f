package org.integrationevidence.oai;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.TestData;
import org.integrationevidence.ActingAs;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The OAI-PMH provider as a harvester sees it: every verb, every error, sets, dates, deleted records and resumption
 * tokens across changes of the data. Other tests write meanwhile, so each test works in sets of approaches of its own.
 * The test profile (and the packaged application under test) splits lists every 3 records.
 */
@QuarkusTest
@ActingAs(ActingAs.Role.EDITOR)
class OaiPmhTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";

    /** A header as a harvester keeps it. */
    record Header(String identifier, boolean deleted, String datestamp, List<String> setSpecs) {
    }

    /** A whole list, followed by its tokens, and what each part said of the list. */
    record Harvest(List<Header> headers, List<String> completeListSizes, List<String> cursors, int parts) {

        List<String> identifiers() {
            return headers.stream().map(Header::identifier).toList();
        }

        /**
         * The identifiers among these, in list order. A case study deleted from the database (other suites do that;
         * the API only withdraws) is in every set, so a test's set may list other tests' deleted ones too.
         */
        List<String> among(List<String> known) {
            return identifiers().stream().filter(known::contains).toList();
        }

        Header of(String identifier) {
            return headers.stream().filter(header -> header.identifier().equals(identifier)).findFirst()
                    .orElseThrow(() -> new AssertionError(identifier + " not in " + identifiers()));
        }
    }

    static Harvest harvest(String verb, String... arguments) {
        List<Header> headers = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        List<String> request = new ArrayList<>(List.of("verb", verb));
        request.addAll(List.of(arguments));
        OaiXml answer = OaiXml.get(request.toArray(String[]::new));
        for (int parts = 1; parts < 1000; parts++) {
            assertEquals(List.of(), answer.errors(), answer.text);
            String headerPath = verb.equals("ListRecords") ? "/oai:OAI-PMH/oai:ListRecords/oai:record/oai:header"
                    : "/oai:OAI-PMH/oai:ListIdentifiers/oai:header";
            int count = Integer.parseInt(answer.string("count(" + headerPath + ")"));
            for (int i = 1; i <= count; i++) {
                String at = "(" + headerPath + ")[" + i + "]";
                headers.add(new Header(answer.string(at + "/oai:identifier"), "deleted".equals(answer.string(at + "/@status")),
                        answer.string(at + "/oai:datestamp"), answer.strings(at + "/oai:setSpec")));
            }
            String token = "/oai:OAI-PMH/oai:" + verb + "/oai:resumptionToken";
            if (answer.node(token) == null) {
                return new Harvest(headers, sizes, cursors, parts);
            }
            sizes.add(answer.string(token + "/@completeListSize"));
            cursors.add(answer.string(token + "/@cursor"));
            String value = answer.string(token);
            if (value.isEmpty()) {
                assertEquals("", answer.string(token + "/@expirationDate"), "an empty token expires never");
                return new Harvest(headers, sizes, cursors, parts);
            }
            assertFalse(answer.string(token + "/@expirationDate").isEmpty());
            answer = OaiXml.get("verb", verb, "resumptionToken", value);
        }
        throw new AssertionError("The list never ended");
    }

    /** The identifiers of a list, none when it answers noRecordsMatch. */
    static List<String> listed(String... arguments) {
        List<String> request = new ArrayList<>(List.of("verb", "ListIdentifiers", "metadataPrefix", "oai_dc"));
        request.addAll(List.of(arguments));
        OaiXml first = OaiXml.get(request.toArray(String[]::new));
        if (first.errors().equals(List.of("noRecordsMatch"))) {
            return List.of();
        }
        return harvest("ListIdentifiers", request.subList(2, request.size()).toArray(String[]::new)).identifiers();
    }

    static String identifier(String slug) {
        return "oai:localhost:" + slug;
    }

    private static String publish(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(CASE_STUDIES).then().statusCode(201).extract().path("slug");
    }

    private static void withdraw(String slug) {
        given().when().delete(CASE_STUDIES + "/" + slug)
                .then().statusCode(204);
    }

    private static String rename(String slug, Map<String, Object> body) {
        String renamed = TestData.unique("renamed");
        body.put("slug", renamed);
        body.put("status", "published");
        given().contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(200);
        return renamed;
    }

    @Test
    void identifyDescribesTheRepository() {
        OaiXml answer = OaiXml.get("verb", "Identify");
        assertEquals(List.of(), answer.errors());
        assertEquals("Identify", answer.requestAttributes().get("verb"));
        assertTrue(answer.string("/oai:OAI-PMH/oai:request").endsWith("/oai"));
        assertEquals("Integration Evidence Repository", answer.string("//oai:Identify/oai:repositoryName"));
        assertEquals(answer.string("/oai:OAI-PMH/oai:request"), answer.string("//oai:Identify/oai:baseURL"));
        assertEquals("2.0", answer.string("//oai:Identify/oai:protocolVersion"));
        assertEquals("persistent", answer.string("//oai:Identify/oai:deletedRecord"));
        assertEquals("YYYY-MM-DDThh:mm:ssZ", answer.string("//oai:Identify/oai:granularity"));
        assertTrue(answer.string("//oai:Identify/oai:earliestDatestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertTrue(answer.string("/oai:OAI-PMH/oai:responseDate").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void everyVerbAnswersAPostOfAFormAsItAnswersAGet() {
        String text = given().contentType(ContentType.URLENC).formParam("verb", "Identify").when().post("/oai")
                .then().statusCode(200).contentType(containsString("text/xml")).extract().asString();
        assertEquals("2.0", OaiXml.parse(text).string("//oai:Identify/oai:protocolVersion"));
        String sets = given().contentType(ContentType.URLENC).formParam("verb", "ListSets").when().post("/oai")
                .then().statusCode(200).extract().asString();
        assertTrue(OaiXml.parse(sets).strings("//oai:set/oai:setSpec").contains("theme:education"));
    }

    @Test
    void listMetadataFormatsNamesBothFormatsAndTheirSchemas() {
        OaiXml answer = OaiXml.get("verb", "ListMetadataFormats");
        assertEquals(List.of("oai_dc", "case_study"), answer.strings("//oai:metadataFormat/oai:metadataPrefix"));
        assertEquals(List.of("http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
                answer.strings("//oai:metadataFormat[oai:metadataPrefix='oai_dc']/oai:schema"));
        assertTrue(answer.string("//oai:metadataFormat[oai:metadataPrefix='case_study']/oai:schema").endsWith("/oai/case-study.xsd"));
        String slug = publish(TestData.caseStudy(TestData.createApproach(null)));
        assertEquals(2, OaiXml.get("verb", "ListMetadataFormats", "identifier", identifier(slug))
                .strings("//oai:metadataFormat").size());
        assertEquals(List.of("idDoesNotExist"), OaiXml.get("verb", "ListMetadataFormats", "identifier",
                identifier("no-such-" + slug)).errors());
    }

    @Test
    void listSetsHasEveryKindAndTheApproachHierarchy() {
        String parent = TestData.createApproach(null);
        String child = TestData.createApproach(parent);
        OaiXml answer = OaiXml.get("verb", "ListSets");
        List<String> specs = answer.strings("//oai:set/oai:setSpec");
        assertTrue(specs.containsAll(List.of("approach", "country", "theme", "theme:education", "approach:" + parent,
                "approach:" + parent + ":" + child)), specs.toString());
        assertEquals("Test approach " + child, answer.string("//oai:set[oai:setSpec='approach:" + parent + ":" + child
                + "']/oai:setName"));
        assertEquals("Education", answer.string("//oai:set[oai:setSpec='theme:education']/oai:setName"));
        assertEquals(List.of("badResumptionToken"), OaiXml.get("verb", "ListSets", "resumptionToken", "x").errors());
    }

    @Test
    void setsSelectByApproachWithNarrowerOnesCountryAndTheme() {
        String parent = TestData.createApproach(null);
        String child = TestData.createApproach(parent);
        String inParent = publish(TestData.caseStudy(parent));
        Map<String, Object> body = TestData.caseStudy(child);
        body.put("themes", new ArrayList<>(List.of("housing")));
        ((Map<String, Object>) body.get("place")).put("countryCode", "IT");
        String inChild = publish(body);

        List<String> mine = List.of(identifier(inParent), identifier(inChild));
        assertEquals(mine, harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "approach:" + parent).among(mine));
        Harvest childOnly = harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "approach:" + parent + ":" + child);
        assertEquals(List.of(identifier(inChild)), childOnly.among(mine));
        assertEquals(List.of("approach:" + parent + ":" + child, "country:IT", "theme:housing"),
                childOnly.of(identifier(inChild)).setSpecs());
        assertTrue(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "country:IT").identifiers()
                .contains(identifier(inChild)));
        assertFalse(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "country:IT").identifiers()
                .contains(identifier(inParent)));
        assertTrue(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "theme:housing").identifiers()
                .contains(identifier(inChild)));
        // A child approach is only reached through its parent: its path is its spec.
        assertEquals(List.of("noRecordsMatch"), OaiXml.get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc",
                "set", "approach:" + child).errors());
        assertEquals(List.of("badArgument"), OaiXml.get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc",
                "set", "approach::x y").errors());
    }

    /**
     * The seed maps social contact and mixing to GCM objective 16 and CBP 7 (V13): a case study tagged with school
     * linking, an approach under it, is in both sets, as the search filters gcm=16 and cbp=7 find it.
     */
    @Test
    void frameworkSetsHoldTheCaseStudiesUnderTheApproachesMappedToTheirConcept() {
        String slug = publish(TestData.caseStudy("school-linking"));
        List<String> specs = OaiXml.get("verb", "ListSets").strings("//oai:set/oai:setSpec");
        assertTrue(specs.containsAll(List.of("framework", "framework:gcm", "framework:gcm:16", "framework:cbp:7",
                "framework:sdg:10.7")), specs.toString());
        assertTrue(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "framework:gcm:16").identifiers()
                .contains(identifier(slug)));
        assertTrue(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "framework:cbp").identifiers()
                .contains(identifier(slug)));
        List<String> setSpecs = harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "framework:cbp:7")
                .of(identifier(slug)).setSpecs();
        assertTrue(setSpecs.containsAll(List.of("framework:cbp:7", "framework:gcm:16")), setSpecs.toString());
        assertEquals(List.of("noRecordsMatch"), OaiXml.get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc",
                "set", "framework:gcm:99").errors());
    }

    @Test
    void listRecordsCarriesDublinCoreAndTheFullCaseStudyValidAgainstItsSchema() throws Exception {
        String approach = TestData.createApproach(null);
        Map<String, Object> body = TestData.caseStudy(approach);
        body.put("title", "A test case study with <markup> & \u0001 a control character");
        String slug = publish(body);
        OaiXml dc = OaiXml.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "approach:" + approach);
        String record = "//oai:record[oai:header/oai:identifier='" + identifier(slug) + "']";
        assertEquals("A test case study with <markup> &  a control character", dc.string(record + "//dc:title"));
        assertEquals("A case study made for a test.", dc.string(record + "//dc:description"));
        assertTrue(dc.string(record + "//dc:identifier").endsWith("/api/v1/case-studies/" + slug));
        assertEquals(List.of("Test Council"), dc.strings(record + "//dc:creator"));
        assertEquals("Bradford, GB", dc.string(record + "//dc:coverage"));

        OaiXml full = OaiXml.get("verb", "GetRecord", "metadataPrefix", "case_study", "identifier", identifier(slug));
        assertEquals(List.of(), full.errors());
        assertEquals(slug, full.string("//cs:caseStudy/cs:slug"));
        assertEquals(List.of(approach), full.strings("//cs:caseStudy/cs:approaches/cs:approach/cs:slug"));
        assertEquals(List.of("education", "social-contact"), full.strings("//cs:caseStudy/cs:themes/cs:theme"));
        assertEquals("2", full.string("//cs:caseStudy/cs:evidence/cs:level"));

        String schema = given().when().get("/oai/case-study.xsd").then().statusCode(200).extract().asString();
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(new StringReader(schema))).newValidator();
        validator.validate(new DOMSource(full.node("//cs:caseStudy")));
        for (Node caseStudy : nodes(OaiXml.get("verb", "ListRecords", "metadataPrefix", "case_study"), "//cs:caseStudy")) {
            validator.validate(new DOMSource(caseStudy));
        }
    }

    @Test
    void fromAndUntilSelectBySecondsOrDaysInclusive() {
        String approach = TestData.createApproach(null);
        String slug = publish(TestData.caseStudy(approach));
        String set = "approach:" + approach;
        String datestamp = harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", set).of(identifier(slug)).datestamp();
        Instant at = Instant.parse(datestamp);
        String before = at.minusSeconds(1).toString();
        String after = at.plusSeconds(1).toString();
        List<String> mine = List.of(identifier(slug));
        assertEquals(mine, harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", set,
                "from", datestamp, "until", datestamp).among(mine));
        assertEquals(mine, harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", set, "from", before).among(mine));
        assertFalse(listed("set", set, "from", after).contains(identifier(slug)));
        assertFalse(listed("set", set, "until", before).contains(identifier(slug)));
        String day = datestamp.substring(0, 10);
        assertEquals(mine, harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", set,
                "from", day, "until", day).among(mine));
        assertEquals(List.of("noRecordsMatch"), OaiXml.get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc",
                "from", "2999-01-01").errors());
    }

    @Test
    void aListReadsTheSameWhileTheDataChangesAndItsTokensCountIt() {
        String approach = TestData.createApproach(null);
        String set = "approach:" + approach;
        List<String> slugs = new ArrayList<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = TestData.caseStudy(approach);
            bodies.add(body);
            slugs.add(publish(body));
        }
        List<String> mine = slugs.stream().map(OaiPmhTest::identifier).toList();
        OaiXml first = OaiXml.get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", set);
        String size = first.string("//oai:resumptionToken/@completeListSize");
        assertEquals("0", first.string("//oai:resumptionToken/@cursor"));
        String token = first.string("//oai:resumptionToken");

        // Meanwhile: one not yet served is withdrawn, one is renamed, a new one joins the set.
        withdraw(slugs.get(5));
        String renamed = rename(slugs.get(4), bodies.get(4));
        String added = publish(TestData.caseStudy(approach));

        List<String> identifiers = new ArrayList<>(first.strings("//oai:header/oai:identifier"));
        List<String> deleted = new ArrayList<>(first.strings("//oai:header[@status='deleted']/oai:identifier"));
        OaiXml part = first;
        while (!token.isEmpty()) {
            part = OaiXml.get("verb", "ListIdentifiers", "resumptionToken", token);
            assertEquals(size, part.string("//oai:resumptionToken/@completeListSize"), "the list's size holds");
            assertEquals(Integer.toString(identifiers.size()), part.string("//oai:resumptionToken/@cursor"));
            identifiers.addAll(part.strings("//oai:header/oai:identifier"));
            deleted.addAll(part.strings("//oai:header[@status='deleted']/oai:identifier"));
            token = part.string("//oai:resumptionToken");
        }
        assertEquals("", part.string("//oai:resumptionToken/@expirationDate"), "the last part ends with an empty token");
        assertEquals(size, Integer.toString(identifiers.size()), "completeListSize counts the list");
        assertEquals(mine, identifiers.stream().filter(mine::contains).toList(),
                "each once, in the list's order, the renamed one under the identifier it was first given");
        assertTrue(deleted.contains(identifier(slugs.get(5))), "withdrawn meanwhile: deleted");
        assertFalse(identifiers.contains(identifier(added)), "published after the list began: in the next one");

        // A new harvest sees the changes: the added one, the withdrawn one deleted, the renamed one at its end.
        Harvest again = harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", set);
        assertEquals(again.headers().size(), Integer.parseInt(again.completeListSizes().get(0)));
        assertEquals(Integer.parseInt(size) + 1, again.headers().size());
        assertTrue(again.of(identifier(slugs.get(5))).deleted());
        assertFalse(again.identifiers().contains(identifier(renamed)));
        List<String> all = new ArrayList<>(mine);
        all.add(identifier(added));
        assertEquals(List.of(mine.get(0), mine.get(1), mine.get(2), mine.get(3), mine.get(6), mine.get(5), mine.get(4),
                identifier(added)), again.among(all), "in the order of their last change");
    }

    @Test
    void aRenameKeepsTheIdentifierAndAWithdrawalLeavesADeletedRecord() {
        String approach = TestData.createApproach(null);
        Map<String, Object> body = TestData.caseStudy(approach);
        String slug = publish(body);
        String renamed = rename(slug, body);
        OaiXml record = OaiXml.get("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", identifier(slug));
        assertEquals(List.of(), record.errors());
        assertTrue(record.string("//dc:identifier").endsWith("/api/v1/case-studies/" + renamed));
        assertEquals(List.of("idDoesNotExist"), OaiXml.get("verb", "GetRecord", "metadataPrefix", "oai_dc",
                "identifier", identifier(renamed)).errors());

        withdraw(renamed);
        OaiXml deleted = OaiXml.get("verb", "GetRecord", "metadataPrefix", "case_study", "identifier", identifier(slug));
        assertEquals("deleted", deleted.string("//oai:record/oai:header/@status"));
        assertEquals("", deleted.string("count(//oai:metadata)").replace("0", ""));
        Harvest records = harvest("ListRecords", "metadataPrefix", "oai_dc", "set", "approach:" + approach);
        assertEquals(List.of(identifier(slug)), records.among(List.of(identifier(slug))));
        assertTrue(records.of(identifier(slug)).deleted());
    }

    @Test
    void errorsAreTheProtocolsInItsDocument() {
        assertEquals(List.of("badVerb"), OaiXml.get().errors());
        assertEquals(List.of("badVerb"), OaiXml.get("verb", "Dance").errors());
        OaiXml repeated = OaiXml.parse(given().when().get("/oai?verb=Identify&verb=Identify").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("badVerb"), repeated.errors());
        OaiXml unknown = OaiXml.get("verb", "Identify", "colour", "blue");
        assertEquals(List.of("badArgument"), unknown.errors());
        assertEquals(Map.of(), unknown.requestAttributes(), "after badArgument the request element has no attributes");
        assertEquals("The argument \"colour\" is not one of Identify's.", unknown.string("//oai:error"));
        assertEquals(List.of("badArgument"), OaiXml.get("verb", "ListRecords").errors());
        assertEquals(List.of("badArgument"), OaiXml.get("verb", "GetRecord", "metadataPrefix", "oai_dc").errors());
        assertEquals(List.of("badArgument"), OaiXml.parse(given().when()
                .get("/oai?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc").then().statusCode(200).extract()
                .asString()).errors());
        assertEquals(List.of("badArgument"), OaiXml.get("verb", "ListRecords", "metadataPrefix", "oai_dc",
                "from", "2026-13-01").errors());
        assertEquals(List.of("badArgument"), OaiXml.get("verb", "ListRecords", "metadataPrefix", "oai_dc",
                "from", "2026-01-01", "until", "2026-02-01T00:00:00Z").errors());
        assertEquals(List.of("badArgument"), OaiXml.get("verb", "ListRecords", "metadataPrefix", "oai_dc",
                "from", "2026-02-01", "until", "2026-01-01").errors());
        assertEquals(List.of("badArgument"), OaiXml.get("verb", "ListRecords", "metadataPrefix", "oai_dc",
                "resumptionToken", "x").errors());
        OaiXml format = OaiXml.get("verb", "ListRecords", "metadataPrefix", "marc21");
        assertEquals(List.of("cannotDisseminateFormat"), format.errors());
        assertEquals("marc21", format.requestAttributes().get("metadataPrefix"), "other errors keep the arguments");
        assertEquals(List.of("cannotDisseminateFormat"), OaiXml.get("verb", "GetRecord", "metadataPrefix", "marc21",
                "identifier", identifier("x")).errors());
        assertEquals(List.of("idDoesNotExist"), OaiXml.get("verb", "GetRecord", "metadataPrefix", "oai_dc",
                "identifier", "oai:elsewhere.example.org:x").errors());
        assertEquals(List.of("noRecordsMatch"), OaiXml.get("verb", "ListRecords", "metadataPrefix", "oai_dc",
                "set", "theme:no-such-theme").errors());
        assertEquals(List.of("noRecordsMatch"), OaiXml.get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc",
                "from", "2999-01-01").errors());
    }

    @Test
    void aTokenAlteredOrOfAnotherVerbIsABadResumptionToken() {
        String approach = TestData.createApproach(null);
        for (int i = 0; i < 4; i++) {
            publish(TestData.caseStudy(approach));
        }
        String token = OaiXml.get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "approach:" + approach)
                .string("//oai:resumptionToken");
        assertFalse(token.isEmpty());
        String altered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertEquals(List.of("badResumptionToken"), OaiXml.get("verb", "ListIdentifiers", "resumptionToken", altered).errors());
        assertEquals(List.of("badResumptionToken"), OaiXml.get("verb", "ListRecords", "resumptionToken", token).errors());
        assertEquals(List.of("badResumptionToken"), OaiXml.get("verb", "ListIdentifiers", "resumptionToken",
                "not a token at all").errors());
        OaiXml next = OaiXml.get("verb", "ListIdentifiers", "resumptionToken", token);
        assertEquals(List.of(), next.errors(), "the token itself still works");
        assertFalse(next.strings("//oai:header").isEmpty());
    }

    private static List<Node> nodes(OaiXml answer, String xpath) {
        int count = Integer.parseInt(answer.string("count(" + xpath + ")"));
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(answer.node("(" + xpath + ")[" + i + "]"));
        }
        return nodes.stream().filter(Element.class::isInstance).collect(Collectors.toList());
    }
}
