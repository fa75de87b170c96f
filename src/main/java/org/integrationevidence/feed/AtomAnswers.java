package org.integrationevidence.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import io.quarkus.runtime.Startup;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;
import org.integrationevidence.search.AnswerBasis;
import org.integrationevidence.search.CaseStudySearch;
import org.integrationevidence.search.CatalogueValidators;
import org.integrationevidence.search.SearchRequest;

/**
 * The answer of every Atom feed: the search's published case studies, newest change first, under a conditional GET,
 * and the WebSub discovery links (W3C WebSub, section 4) when a hub is configured (evidence.feeds.websub-hub). Made
 * at start, so that a hub that is not an http or https URL stops the service there rather than failing its feeds.
 */
@Startup
@ApplicationScoped
class AtomAnswers {

    static final String ATOM_TYPE = "application/atom+xml";

    /**
     * The end of every feed's example in the OpenAPI document: the feed's author and one entry, a sample that
     * describes no real initiative. Each feed's example starts with its own id, title and links.
     */
    static final String EXAMPLE_AUTHOR_AND_ENTRY = "<author><name>Integration Evidence Repository</name></author>"
            + "<entry><id>https://evidence.example.org/api/v1/case-studies/example-school-link</id>"
            + "<title>Example: a sample school link</title><updated>2026-11-02T10:30:00Z</updated>"
            + "<published>2026-11-01T09:00:00Z</published>"
            + "<link rel=\"alternate\" href=\"https://evidence.example.org/api/v1/case-studies/example-school-link\" "
            + "type=\"application/json\"/>"
            + "<summary>A sample entry that describes no real initiative.</summary>"
            + "<category term=\"school-linking\" scheme=\"https://evidence.example.org/api/v1/approaches/\" "
            + "label=\"School linking\"/><rights>CC-BY-4.0</rights></entry></feed>";

    @Inject
    CaseStudySearch search;

    @Inject
    CatalogueValidators validators;

    @Inject
    PublicUrls urls;

    @Inject
    ConditionalReads conditional;

    private final Optional<URI> hub;

    @Inject
    AtomAnswers(EvidenceConfig config) {
        hub = config.feeds().websubHub().map(String::strip).filter(value -> !value.isEmpty()).map(AtomAnswers::parseHub);
    }

    /** Refuses a request that accepts no Atom, with a 406 that names the feed's type rather than the API's JSON. */
    void requireAtom(Request request) {
        if (request.selectVariant(Variant.mediaTypes(MediaType.valueOf(ATOM_TYPE)).build()) == null) {
            throw new ApiException(ProblemType.NOT_ACCEPTABLE, "This feed is served as " + ATOM_TYPE + ".");
        }
    }

    /** The feed at this request's URL of what {@code searchRequest} finds; its subtitle names {@code query}. */
    Response answer(SearchRequest searchRequest, String title, String query) {
        URI base = urls.base();
        URI self = urls.requestUri();
        String subtitle = "Published case studies, newest change first"
                + (query == null || query.isEmpty() ? "" : ": " + URLDecoder.decode(query, StandardCharsets.UTF_8));
        AnswerBasis basis = new AnswerBasis();
        return conditional.answer(validators.of(basis),
                () -> AtomFeed.write(self, hub.orElse(null), base.resolve("api/v1/case-studies/"),
                        base.resolve("api/v1/approaches/"), base.resolve("api/v1/outcome-domains/"), title, subtitle,
                        basis.of(search.search(searchRequest)).items()),
                (feed, response) -> {
                    response.type(MediaType.valueOf(ATOM_TYPE).withCharset("UTF-8"));
                    hub.ifPresent(at -> response.header(HttpHeaders.LINK,
                            "<" + at + ">; rel=\"hub\", <" + self + ">; rel=\"self\""));
                }).toResponse();
    }

    private static URI parseHub(String value) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && uri.getHost() != null && (uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalStateException("evidence.feeds.websub-hub (EVIDENCE_FEEDS_WEBSUB_HUB) must be an http or https "
                + "URL, such as https://hub.example.org/");
    }
}
