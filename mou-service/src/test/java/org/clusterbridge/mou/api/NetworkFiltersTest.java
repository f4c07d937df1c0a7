package org.clusterbridge.mou.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.mou.domain.FocusAreas;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The network's filters together: focus area with status and country, and the focus area in its contract. */
@QuarkusTest
class NetworkFiltersTest {

    @Test
    void theNetworkFiltersByFocusArea() {
        UUID a = ClusterEvents.cluster("Focused A", "GL");
        UUID b = ClusterEvents.cluster("Focused B", "GL");
        Map<String, Object> materials = body(a, b, LocalDate.of(2023, 1, 1));
        materials.put("focusAreas", List.of("biomaterials", "regenerative-medicine"));
        String onMaterials = create(materials);
        String onDigitalHealth = create(body(a, b, LocalDate.of(2023, 2, 1)));

        assertThat(agreementIds("/api/network?country=GL")).containsExactly(onMaterials, onDigitalHealth);
        assertThat(agreementIds("/api/network?country=GL&focusArea=biomaterials")).containsExactly(onMaterials);
        assertThat(agreementIds("/api/network?country=GL&focusArea=digital-health&status=ACTIVE"))
                .containsExactly(onDigitalHealth);
        assertThat(agreementIds("/api/network?country=GL&focusArea=biomaterials&status=EXPIRED")).isEmpty();
        assertThat(given().get("/api/network?focusArea=regenerative-medicine").then().statusCode(200).extract()
                .jsonPath().getList("edges.agreementId", String.class)).contains(onMaterials)
                .doesNotContain(onDigitalHealth);
        given().get("/api/network?focusArea=alchemy").then().statusCode(400)
                .body("errors.field", contains("focusArea"));
    }

    /** A network draws at most limit agreements, the latest signed, and says how many matched. */
    @Test
    void theNetworkIsBoundedByItsLimitAndSaysWhatItLeftOut() {
        UUID a = ClusterEvents.cluster("Bounded A", "GY");
        UUID b = ClusterEvents.cluster("Bounded B", "GY");
        String first = create(body(a, b, LocalDate.of(2021, 1, 1)));
        String second = create(body(a, b, LocalDate.of(2022, 1, 1)));
        String third = create(body(a, b, LocalDate.of(2023, 1, 1)));

        given().get("/api/network?country=GY").then().statusCode(200)
                .body("edges.agreementId", contains(first, second, third))
                .body("truncated", equalTo(false)).body("agreementCount", equalTo(3));
        given().get("/api/network?country=GY&limit=2").then().statusCode(200)
                .body("edges.agreementId", contains(second, third))
                .body("truncated", equalTo(true)).body("agreementCount", equalTo(3));
        for (String limit : List.of("0", "-1", "50001", "many")) {
            given().get("/api/network?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theContractNamesTheFocusAreas() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        JsonNode focusArea = null;
        for (JsonNode parameter : document.path("paths").path("/api/network").path("get").path("parameters")) {
            if (parameter.path("name").asText().equals("focusArea")) {
                focusArea = parameter;
            }
        }
        assertThat(focusArea).isNotNull();
        List<String> codes = new ArrayList<>();
        focusArea.path("schema").path("enum").forEach(code -> codes.add(code.asText()));
        assertThat(codes).containsExactlyElementsOf(FocusAreas.CODES);
    }

    private static List<String> agreementIds(String url) {
        return given().get(url).then().statusCode(200).extract().jsonPath().getList("edges.agreementId",
                String.class);
    }
}
