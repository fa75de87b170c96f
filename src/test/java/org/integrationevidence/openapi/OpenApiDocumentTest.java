package org.integrationevidence.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the contract third parties build against: it must be exactly what the service
 * serves (refresh it with scripts/refresh-openapi), and every operation must be documented well enough to use.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        JsonNode servedJson = JSON.readTree(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        JsonNode servedYaml = YAML.readTree(given().when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode committedJson = JSON.readTree(Files.readString(Path.of("openapi/openapi.json")));
        JsonNode committedYaml = YAML.readTree(Files.readString(Path.of("openapi/openapi.yaml")));
        assertTrue(servedJson.equals(committedJson), "openapi/openapi.json is stale: run scripts/refresh-openapi");
        assertTrue(servedYaml.equals(committedYaml), "openapi/openapi.yaml is stale: run scripts/refresh-openapi");
    }

    @Test
    void everyOperationIsDocumented() throws IOException {
        JsonNode document = JSON.readTree(given().accept("application/json").when().get("/q/openapi?format=json").asString());
        JsonNode info = document.get("info");
        for (String field : List.of("title", "version", "description", "license", "contact")) {
            assertTrue(info.hasNonNull(field), "info." + field + " is missing");
        }
        List<String> problems = new ArrayList<>();
        List<String> operationIds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String where = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                for (String field : List.of("operationId", "summary", "description", "tags", "responses")) {
                    if (!operation.hasNonNull(field)) {
                        problems.add(where + " has no " + field);
                    }
                }
                operationIds.add(operation.path("operationId").asText());
                operation.path("parameters").forEach(parameter -> {
                    if (!parameter.hasNonNull("description")) {
                        problems.add(where + " parameter " + parameter.path("name").asText() + " has no description");
                    }
                });
                JsonNode responses = operation.path("responses");
                if (!responses.has("500") || !responses.has("406")) {
                    problems.add(where + " does not document 406 and 500");
                }
                responses.properties().forEach(response -> {
                    String status = response.getKey();
                    JsonNode content = response.getValue().path("content");
                    if (status.startsWith("2") && !status.equals("204") && !hasSchemaAndExample(content)) {
                        problems.add(where + " response " + status + " has no schema or no example");
                    }
                });
                if (operation.has("requestBody") && !hasSchemaAndExample(operation.path("requestBody").path("content"))) {
                    problems.add(where + " request body has no schema or no example");
                }
                if (!entry.getKey().equals("get") && responses.properties().stream().noneMatch(r -> r.getKey().startsWith("4"))) {
                    problems.add(where + " documents no client error");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(operationIds.size(), operationIds.stream().distinct().count(), "operationIds must be unique");
        assertFalse(operationIds.isEmpty());
    }

    @Test
    void theDocumentedRequestExamplesAreAccepted() throws IOException {
        JsonNode paths = JSON.readTree(given().accept("application/json").when().get("/q/openapi?format=json").asString())
                .get("paths");
        String caseStudy = requestExample(paths.path("/api/v1/case-studies").path("post"));
        String slug = given().contentType("application/json").body(caseStudy)
                .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
        given().contentType("application/json").body(requestExample(paths.path("/api/v1/case-studies/{slug}").path("put")))
                .when().put("/api/v1/case-studies/" + slug).then().statusCode(200);
        String approach = given().contentType("application/json").body(requestExample(paths.path("/api/v1/approaches").path("post")))
                .when().post("/api/v1/approaches").then().statusCode(201).extract().path("slug");
        given().contentType("application/json").body(requestExample(paths.path("/api/v1/approaches/{slug}").path("put")))
                .when().put("/api/v1/approaches/" + approach).then().statusCode(200);
    }

    private static String requestExample(JsonNode operation) throws IOException {
        JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
        assertTrue(examples.size() > 0, "no request example for " + operation.path("operationId").asText());
        return JSON.writeValueAsString(examples.elements().next().get("value"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("swagger-ui"));
    }

    private static boolean hasSchemaAndExample(JsonNode content) {
        for (JsonNode mediaType : content) {
            if (mediaType.has("schema") && (mediaType.has("example") || mediaType.has("examples"))) {
                return true;
            }
        }
        return false;
    }
}
