package org.clusterbridge.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.clusterbridge.localstack.KubernetesManifestsCheck.App;
import org.clusterbridge.localstack.KubernetesManifestsCheck.Store;
import org.clusterbridge.localstack.OperatorResourcesCheck.Stores;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's NetworkPolicies, all of those that select its pods taken together: they restrict both directions,
 * let in its HTTP port only, and let out only what it needs, each to the pods that provide it: Kafka's brokers on
 * 9092, its own database, DNS on 53, and Keycloak's back channel for the token keys.
 */
final class NetworkPolicyCheck {

    static final int DNS = 53;

    /** Where a service may send to on one port. */
    record Egress(String what, Predicate<JsonNode> peer) {
    }

    private NetworkPolicyCheck() {
    }

    static void check(List<String> problems, Manifests manifests, Stores stores, String name, App app, JsonNode labels,
            JsonNode container) {
        List<JsonNode> policies = new ArrayList<>();
        for (JsonNode policy : manifests.all("networking.k8s.io/v1", "NetworkPolicy")) {
            if (Manifests.selects(policy.path("spec").path("podSelector").path("matchLabels"), labels)) {
                policies.add(policy);
            }
        }
        if (policies.isEmpty()) {
            problems.add(name + ": no NetworkPolicy selecting its pods");
            return;
        }
        Set<String> types = new TreeSet<>();
        policies.forEach(policy -> policy.path("spec").path("policyTypes").forEach(type -> types.add(type.asText())));
        if (!types.containsAll(Set.of("Ingress", "Egress"))) {
            problems.add(name + ": its NetworkPolicy does not restrict both Ingress and Egress (policyTypes "
                    + types + ")");
        }
        boolean admitsApi = false;
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (rule.path("ports").isEmpty()) {
                    problems.add(name + ": its NetworkPolicy admits every port");
                }
                for (JsonNode port : rule.path("ports")) {
                    int number = KubernetesManifestsCheck.port(port.path("port"), container);
                    admitsApi |= number == app.port();
                    if (number != app.port()) {
                        problems.add(name + ": its NetworkPolicy admits port " + port.path("port").asText()
                                + " besides its HTTP port");
                    }
                }
            }
        }
        if (!admitsApi) {
            problems.add(name + ": its NetworkPolicy does not admit its HTTP port " + app.port());
        }
        checkEgress(problems, policies, name, needs(stores, app));
    }

    /** The ports a service sends to, and who must be on the other side. */
    private static Map<Integer, Egress> needs(Stores stores, App app) {
        Map<Integer, Egress> needs = new TreeMap<>();
        needs.put(9092, new Egress("Kafka's brokers", labelled("strimzi.io/cluster", stores.kafka())));
        if (app.store() == Store.POSTGRESQL) {
            OperatorResourcesCheck.Database database = stores.postgres().get(app.database());
            needs.put(5432, new Egress("its PostgreSQL",
                    labelled("cnpg.io/cluster", database == null ? null : database.cluster())));
        } else {
            needs.put(27017, new Egress("its MongoDB",
                    labelled("app", stores.mongo() == null ? null : stores.mongo().name() + "-svc")));
        }
        needs.put(DNS, new Egress("DNS", peer -> true));
        if (stores.identity() != null) {
            needs.put(stores.identity().httpPort(), new Egress("Keycloak",
                    labelled("app.kubernetes.io/instance", stores.identity().name())));
        }
        return needs;
    }

    private static void checkEgress(List<String> problems, List<JsonNode> policies, String name,
            Map<Integer, Egress> needs) {
        Set<Integer> reached = new TreeSet<>();
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path("egress")) {
                if (rule.path("to").isEmpty() || rule.path("ports").isEmpty()) {
                    problems.add(name + ": its NetworkPolicy lets traffic out to any address or any port");
                    continue;
                }
                for (JsonNode port : rule.path("ports")) {
                    int number = port.path("port").asInt();
                    Egress need = needs.get(number);
                    if (need == null) {
                        problems.add(name + ": its NetworkPolicy lets it out to port " + number
                                + ", which it does not need");
                        continue;
                    }
                    boolean onlyThere = true;
                    for (JsonNode peer : rule.path("to")) {
                        onlyThere &= need.peer().test(peer);
                    }
                    if (onlyThere) {
                        reached.add(number);
                    } else {
                        problems.add(name + ": its NetworkPolicy lets port " + number + " out to other pods than "
                                + need.what());
                    }
                }
            }
        }
        needs.forEach((port, need) -> {
            if (!reached.contains(port)) {
                problems.add(name + ": its NetworkPolicy does not let it reach " + need.what() + " on port " + port);
            }
        });
    }

    /** Pods with that label; any peer when the store itself is wrong (and reported as such). */
    private static Predicate<JsonNode> labelled(String key, String value) {
        return peer -> value == null || peer.path("podSelector").path("matchLabels").path(key).asText().equals(value);
    }
}
