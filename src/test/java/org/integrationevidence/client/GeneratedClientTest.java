package org.integrationevidence.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.integrationevidence.client.api.ApproachesApi;
import org.integrationevidence.client.api.CaseStudiesApi;
import org.integrationevidence.client.api.CaseStudiesApi.APICreateCaseStudyRequest;
import org.integrationevidence.client.api.CaseStudiesApi.APIGetCaseStudyRequest;
import org.integrationevidence.client.api.CaseStudiesApi.APIListCaseStudiesRequest;
import org.integrationevidence.client.model.ApproachInput;
import org.integrationevidence.client.model.ApproachNode;
import org.integrationevidence.client.model.ApproachRef;
import org.integrationevidence.client.model.CaseStudy;
import org.integrationevidence.client.model.CaseStudyInput;
import org.integrationevidence.client.model.CaseStudyPage;
import org.integrationevidence.client.model.CaseStudyStatus;
import org.integrationevidence.client.model.CaseStudySummary;
import org.integrationevidence.client.model.EvidenceInput;
import org.integrationevidence.client.model.FieldError;
import org.integrationevidence.client.model.Period;
import org.integrationevidence.client.model.Place;
import org.integrationevidence.client.model.Problem;
import org.integrationevidence.client.model.Scale;
import org.integrationevidence.client.model.SourceReference;
import org.integrationevidence.client.model.TargetGroup;
import org.integrationevidence.client.model.Theme;
import org.junit.jupiter.api.Test;

/**
 * The Java client that openapi-generator makes from the committed openapi/openapi.yaml (see the pom), used as an API
 * user would use it against the running service: if the document and the service part ways, or the document stops
 * generating a working client, this fails.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final String SEEDED = "bradford-bangladeshi-women-football";

    @Test
    void searchFindsTheBradfordCaseStudiesOfTheSeedData() throws ApiException {
        CaseStudyPage page = caseStudies(anonymous()).listCaseStudies(APIListCaseStudiesRequest.newBuilder()
                .q("Bradford").limit(100).build());

        assertTrue(page.getTotal() >= 3, "the seed has at least three Bradford case studies, total " + page.getTotal());
        CaseStudySummary football = page.getItems().stream().filter(item -> SEEDED.equals(item.getSlug())).findFirst()
                .orElseThrow(() -> new AssertionError(SEEDED + " not among " + slugs(page.getItems())));
        assertEquals("Bradford", football.getPlace().getName());
        assertEquals(1, football.getEvidenceLevel());
        assertEquals(CaseStudyStatus.PUBLISHED, football.getStatus());
        assertTrue(football.getHighlights().get("title").get(0).contains("<mark>Bradford</mark>"),
                "highlights: " + football.getHighlights());
    }

    @Test
    void aCaseStudyReadBySlugHasEveryPartTyped() throws ApiException {
        CaseStudy caseStudy = caseStudies(anonymous()).getCaseStudy(APIGetCaseStudyRequest.newBuilder()
                .slug(SEEDED).build());

        assertEquals(SEEDED, caseStudy.getSlug());
        assertEquals("Bradford Council: engaging Bangladeshi women in the area with the local football team",
                caseStudy.getTitle());
        assertEquals("Bradford Council", caseStudy.getPlace().getLocalAuthority());
        assertEquals("GB", caseStudy.getPlace().getCountryCode());
        assertEquals(Scale.CITY, caseStudy.getPlace().getScale());
        assertEquals(53.792, caseStudy.getPlace().getLatitude()); // the seed's geocoding of Bradford (docs/guide/places.md)
        assertEquals("GB-BFD", caseStudy.getPlace().getSubdivisionCode());
        assertNull(caseStudy.getPlace().getDegreeOfUrbanisation());
        assertNull(caseStudy.getPeriod().getStartYear());
        assertEquals(List.of("Bradford Council"), caseStudy.getLeadOrganisations());
        assertEquals(List.of("sport"), caseStudy.getApproaches().stream().map(ApproachRef::getSlug).toList());
        assertEquals(List.of(Theme.SOCIAL_CONTACT), caseStudy.getThemes());
        assertEquals(List.of(TargetGroup.WOMEN, TargetGroup.MINORITY_ETHNIC_COMMUNITIES), caseStudy.getTargetGroups());
        assertEquals(1, caseStudy.getEvidence().getLevel());
        assertEquals("Described", caseStudy.getEvidence().getLabel());
        assertTrue(caseStudy.getBodyHtml().contains("<strong>What the source does not say:</strong>"),
                caseStudy.getBodyHtml());
        assertEquals(1, caseStudy.getSources().size());
        assertFalse(caseStudy.getSources().get(0).getFromReaderComments());
        assertEquals(CaseStudyStatus.PUBLISHED, caseStudy.getStatus());
        assertEquals("CC-BY-4.0", caseStudy.getLicence());
        assertFalse(caseStudy.getUpdatedAt().isBefore(caseStudy.getCreatedAt()));
    }

    @Test
    void theApproachTaxonomyIsATree() throws ApiException {
        List<ApproachNode> roots = new ApproachesApi(anonymous()).listApproaches().getItems();

        ApproachNode mixing = roots.stream().filter(node -> "social-contact-and-mixing".equals(node.getSlug()))
                .findFirst().orElseThrow(() -> new AssertionError("no social-contact-and-mixing among the roots"));
        assertEquals("Social contact and mixing", mixing.getName());
        List<String> children = mixing.getChildren().stream().map(ApproachNode::getSlug).toList();
        assertTrue(children.containsAll(List.of("school-linking", "sport")), "children: " + children);
    }

    @Test
    void filtersNarrowTheList() throws ApiException {
        CaseStudyPage page = caseStudies(anonymous()).listCaseStudies(APIListCaseStudiesRequest.newBuilder()
                .approach(List.of("school-linking")).country(List.of("GB")).limit(100).build());

        assertTrue(slugs(page.getItems()).contains("bradford-mixing-pupils-from-single-group-schools"),
                "slugs: " + slugs(page.getItems()));
        for (CaseStudySummary item : page.getItems()) {
            assertEquals("GB", item.getPlace().getCountryCode(), item.getSlug());
            assertTrue(item.getApproaches().stream().anyMatch(approach -> "school-linking".equals(approach.getSlug())),
                    item.getSlug());
        }
    }

    @Test
    void theCursorWalksEveryPageOnce() throws ApiException {
        ApiClient editor = editor();
        String approach = createApproach(editor);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(caseStudies(editor).createCaseStudy(APICreateCaseStudyRequest.newBuilder()
                    .caseStudyInput(caseStudyInput(approach, CaseStudyInput.StatusEnum.PUBLISHED)).build()).getSlug());
        }

        CaseStudiesApi api = caseStudies(anonymous());
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            CaseStudyPage page = api.listCaseStudies(APIListCaseStudiesRequest.newBuilder()
                    .approach(List.of(approach)).limit(2).cursor(cursor).build());
            assertEquals(3, page.getTotal());
            pageSizes.add(page.getItems().size());
            seen.addAll(slugs(page.getItems()));
            cursor = page.getNext();
        } while (cursor != null);

        assertEquals(List.of(2, 1), pageSizes);
        assertEquals(created, new HashSet<>(seen));
        assertEquals(3, seen.size());
    }

    @Test
    void anEditorWritesADraftAndReadsItBack() throws Exception {
        String approach = createApproach(editor());
        CaseStudyInput input = caseStudyInput(approach, CaseStudyInput.StatusEnum.DRAFT);

        CaseStudy created = caseStudies(editor()).createCaseStudy(APICreateCaseStudyRequest.newBuilder()
                .caseStudyInput(input).build());
        assertEquals(input.getSlug(), created.getSlug());
        assertEquals(CaseStudyStatus.DRAFT, created.getStatus());
        assertEquals(0L, created.getVersion());

        CaseStudy read = caseStudies(editor()).getCaseStudy(APIGetCaseStudyRequest.newBuilder()
                .slug(created.getSlug()).build());
        assertEquals("A case study written with the generated client", read.getTitle());
        assertEquals("<p>It has a <strong>Markdown</strong> body.</p>\n", read.getBodyHtml());
        assertEquals(2015, read.getPeriod().getStartYear());
        assertEquals(List.of(approach), read.getApproaches().stream().map(ApproachRef::getSlug).toList());
        assertEquals(List.of(Theme.EDUCATION, Theme.SOCIAL_CONTACT), read.getThemes());
        assertEquals(LocalDate.of(2017, 8, 25), read.getSources().get(0).getPublishedOn());
        assertEquals("Outcomes reported", read.getEvidence().getLabel());
        assertEquals(CaseStudyStatus.DRAFT, read.getStatus());

        // A draft is not public: without a key it is not found, and the problem says so.
        ApiException notFound = assertThrows(ApiException.class, () -> caseStudies(anonymous())
                .getCaseStudy(APIGetCaseStudyRequest.newBuilder().slug(created.getSlug()).build()));
        assertEquals(404, notFound.getCode());
        assertEquals("/problems/not-found", problem(notFound).getType());
    }

    @Test
    void anInvalidRequestIsAnApiExceptionWithAProblem() throws Exception {
        ApiException error = assertThrows(ApiException.class, () -> caseStudies(anonymous())
                .listCaseStudies(APIListCaseStudiesRequest.newBuilder().limit(101).build()));

        assertEquals(400, error.getCode());
        assertEquals("application/problem+json",
                error.getResponseHeaders().firstValue("Content-Type").orElseThrow());
        Problem problem = problem(error);
        assertEquals("/problems/validation", problem.getType());
        assertEquals("Invalid request", problem.getTitle());
        assertEquals(400, problem.getStatus());
        assertEquals("/api/v1/case-studies", problem.getInstance());
        FieldError limit = problem.getErrors().get(0);
        assertEquals("limit", limit.getField());
        assertEquals("must be a whole number from 1 to 100", limit.getMessage());
    }

    /** A client of the service under test; Quarkus sets REST Assured to its address and random port. */
    private static ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RestAssured.baseURI + ":" + RestAssured.port);
        return client;
    }

    /** The generated client has no setting for a bearer key (the native library leaves auth to the caller). */
    private static ApiClient editor() {
        String key = TestKeys.editor();
        return anonymous().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
    }

    private static String createApproach(ApiClient editor) throws ApiException {
        String slug = TestData.unique("approach");
        return new ApproachesApi(editor).createApproach(new ApproachInput()
                .slug(slug).name("Approach " + slug).definition("An approach made for a test.")).getSlug();
    }

    private static CaseStudiesApi caseStudies(ApiClient client) {
        return new CaseStudiesApi(client);
    }

    private static Problem problem(ApiException error) throws JsonProcessingException {
        return anonymous().getObjectMapper().readValue(error.getResponseBody(), Problem.class);
    }

    private static List<String> slugs(List<CaseStudySummary> items) {
        return items.stream().map(CaseStudySummary::getSlug).toList();
    }

    private static CaseStudyInput caseStudyInput(String approach, CaseStudyInput.StatusEnum status) {
        return new CaseStudyInput()
                .slug(TestData.unique("case-study"))
                .title("A case study written with the generated client")
                .summary("A case study made for a test.")
                .body("It has a **Markdown** body.")
                .place(new Place().name("Bradford").localAuthority("Bradford Council").countryCode("GB")
                        .scale(Scale.CITY))
                .period(new Period().startYear(2015).endYear(2017))
                .leadOrganisations(List.of("Test Council"))
                .approaches(List.of(approach))
                .themes(new LinkedHashSet<>(List.of(Theme.EDUCATION, Theme.SOCIAL_CONTACT)))
                .targetGroups(Set.of(TargetGroup.CHILDREN))
                .outcomes(List.of("Pupils met pupils from other schools."))
                .evidence(new EvidenceInput().level(2).rationale("The source reports results without data."))
                .sources(List.of(new SourceReference().title("A test source").publisher("A test publisher")
                        .publishedOn(LocalDate.of(2017, 8, 25)).url("https://example.org/source")
                        .contribution("Everything in this test case study.")))
                .status(status);
    }
}
