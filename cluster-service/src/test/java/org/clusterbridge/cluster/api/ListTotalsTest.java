package org.clusterbridge.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.cluster.api.ClusterBodies.cluster;
import static org.clusterbridge.cluster.api.ClusterBodies.register;
import static org.clusterbridge.cluster.api.ClusterBodies.unique;
import static org.clusterbridge.cluster.api.ClusterBodies.with;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A page's total is exact up to the bound (5 here) and an estimate above it, marked {@code totalExact: false} and
 * never below the bound; the items and the facets stay exact either way.
 */
@QuarkusTest
@TestProfile(ListTotalsTest.SmallBound.class)
class ListTotalsTest {

    public static class SmallBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clusterbridge.list.exact-total-up-to", "5");
        }
    }

    @Test
    void totalsAreExactUpToTheBoundAndEstimatedAbove() {
        String few = unique("few");
        for (int i = 0; i < 5; i++) {
            register(cluster(few + "-" + i, "Few " + few + " " + i));
        }
        RestAssured.get("/api/clusters?q=" + few).then().statusCode(200).body("total", is(5))
                .body("totalExact", is(true)).body("items", hasSize(5));

        String many = unique("many");
        for (int i = 0; i < 8; i++) {
            register(cluster(many + "-" + i, "Many " + many + " " + i));
        }
        RestAssured.get("/api/clusters?q=" + many + "&size=3&facets=country").then().statusCode(200)
                .body("totalExact", is(false)).body("total", greaterThanOrEqualTo(6)).body("items", hasSize(3))
                .body("facets.country[0].count", is(8));
        RestAssured.get("/api/clusters?q=" + many + "&size=3&page=2").then().statusCode(200)
                .body("items", hasSize(2)).body("totalExact", is(false));
        // an export sends every match, the header first
        assertThat(RestAssured.given().accept("text/csv").get("/api/clusters?q=" + many).asString().split("\n"))
                .hasSize(9);
    }

    @Test
    void aFocusAreaFilterCountsTheClustersAsTheyAreAfterEachChange() {
        // Tuvalu: no other test registers clusters there.
        String area = "/api/clusters?country=TV&focusArea=regenerative-medicine";
        String prefix = unique("tv");
        String[] ids = new String[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = register(with(with(cluster(prefix + "-" + i, "Tuvalu " + prefix + " " + i), "country", "TV"),
                    "focusAreas", List.of("regenerative-medicine", "digital-health")));
        }
        RestAssured.get(area).then().statusCode(200).body("total", is(4)).body("totalExact", is(true));

        // one leaves the area, one leaves the country: the counts follow each write
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(with(with(cluster(prefix + "-0", "Tuvalu " + prefix + " 0"), "country", "TV"), "focusAreas",
                        List.of("digital-health")))
                .put("/api/clusters/" + ids[0]).then().statusCode(200);
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(with(with(cluster(prefix + "-1", "Tuvalu " + prefix + " 1"), "country", "FJ"), "focusAreas",
                        List.of("regenerative-medicine")))
                .put("/api/clusters/" + ids[1]).then().statusCode(200);
        RestAssured.get(area).then().statusCode(200).body("total", is(2)).body("items", hasSize(2));
        RestAssured.get("/api/clusters?country=TV&focusArea=digital-health").then().statusCode(200)
                .body("total", is(3));

        // a retired one leaves the active ones
        RestAssured.delete("/api/clusters/" + ids[2]).then().statusCode(200);
        RestAssured.get(area + "&status=ACTIVE").then().statusCode(200).body("total", is(1))
                .body("items[0].id", is(ids[3]));
        RestAssured.get(area + "&status=RETIRED&kind=CLUSTER").then().statusCode(200).body("total", is(1))
                .body("items[0].id", is(ids[2]));
    }
}
