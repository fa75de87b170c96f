package org.integrationevidence.casestudy;

/** Request and response examples for the OpenAPI document, drawn from the seed data. */
final class CaseStudyExamples {

    private CaseStudyExamples() {
    }

    static final String INPUT = """
            {
              "title": "Bradford: connecting Bangladeshi women with the city's football club",
              "summary": "Bradford Council worked to engage local Bangladeshi women with the city's football team.",
              "body": "Bradford Council set out to involve **local Bangladeshi women** with the city's football team.",
              "place": {"name": "Bradford", "localAuthority": "Bradford Council", "region": null, "countryCode": "GB",
                        "latitude": null, "longitude": null, "scale": "city"},
              "period": {"startYear": null, "endYear": null, "ongoing": null},
              "leadOrganisations": ["Bradford Council"],
              "partnerOrganisations": [],
              "approaches": ["sport"],
              "themes": ["social-contact"],
              "targetGroups": ["women", "minority-ethnic-communities"],
              "outcomes": [],
              "evidence": {"level": 1, "rationale": "The source names the initiative as an example but reports no results."},
              "sources": [{"title": "Immigration and Integration: Getting it Right Locally", "author": null, "publisher": null,
                           "publishedOn": null, "url": null,
                           "contribution": "Names the initiative among examples of local integration work.",
                           "fromReaderComments": false}],
              "licence": "CC-BY-4.0",
              "status": "published"
            }""";

    static final String VIEW = """
            {
              "slug": "bradford-connecting-bangladeshi-women-with-the-citys-football-club",
              "title": "Bradford: connecting Bangladeshi women with the city's football club",
              "summary": "Bradford Council worked to engage local Bangladeshi women with the city's football team.",
              "body": "Bradford Council set out to involve **local Bangladeshi women** with the city's football team.",
              "bodyHtml": "<p>Bradford Council set out to involve <strong>local Bangladeshi women</strong> with the city&#39;s football team.</p>\\n",
              "place": {"name": "Bradford", "localAuthority": "Bradford Council", "region": null, "countryCode": "GB",
                        "latitude": null, "longitude": null, "scale": "city"},
              "period": {"startYear": null, "endYear": null, "ongoing": null},
              "leadOrganisations": ["Bradford Council"],
              "partnerOrganisations": [],
              "approaches": [{"slug": "sport", "name": "Sport"}],
              "themes": ["social-contact"],
              "targetGroups": ["women", "minority-ethnic-communities"],
              "outcomes": [],
              "evidence": {"level": 1, "label": "Described",
                           "rationale": "The source names the initiative as an example but reports no results."},
              "sources": [{"title": "Immigration and Integration: Getting it Right Locally", "author": null, "publisher": null,
                           "publishedOn": null, "url": null,
                           "contribution": "Names the initiative among examples of local integration work.",
                           "fromReaderComments": false}],
              "status": "published",
              "licence": "CC-BY-4.0",
              "createdAt": "2026-11-23T13:00:00Z",
              "updatedAt": "2026-11-23T13:00:00Z",
              "version": 0
            }""";

    static final String PAGE = """
            {
              "items": [{
                "slug": "linking-network-school-linking",
                "title": "The Linking Network: bringing schoolchildren from different backgrounds together",
                "summary": "The Linking Network links schools so that children from different backgrounds meet.",
                "place": {"name": "United Kingdom", "localAuthority": null, "region": null, "countryCode": "GB",
                          "latitude": null, "longitude": null, "scale": "national"},
                "period": {"startYear": null, "endYear": null, "ongoing": null},
                "approaches": [{"slug": "school-linking", "name": "School linking"}],
                "themes": ["education", "social-contact"],
                "targetGroups": ["children"],
                "evidenceLevel": 1,
                "status": "published",
                "licence": "CC-BY-4.0",
                "createdAt": "2026-11-23T13:00:00Z",
                "updatedAt": "2026-11-23T13:00:00Z"
              }],
              "total": 2,
              "next": "MjAyNi0xMS0yM1QxMzowMDowMFp8MTI"
            }""";
}
