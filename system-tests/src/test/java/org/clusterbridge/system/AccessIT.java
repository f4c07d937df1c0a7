package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.system.ClusterBridge.PROPAGATION;
import static org.clusterbridge.system.ClusterBridge.countFigure;
import static org.clusterbridge.system.ClusterBridge.party;
import static org.clusterbridge.system.ClusterBridge.slug;
import static org.clusterbridge.system.ClusterBridge.texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.localstack.LocalStack;
import org.clusterbridge.system.Http.Reply;
import org.clusterbridge.system.Tokens.Role;
import org.clusterbridge.embedded.TokenIssuer;
import org.clusterbridge.embedded.TopicRecords;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Who may read and write, checked on the whole running system: without a valid token every {@code /api} operation
 * of every service is a 401 problem while {@code /q/health} stays open; a reader cannot write and an editor cannot
 * retire, terminate or rebuild (403 problems that change nothing), nor correct another editor's funding figure; an
 * editor's writes name the editor and still reach the other services' views; browsers may call from the
 * dashboards' origin only; and, after everything else ran, no token and no private key is in the services' logs.
 * Runs last, so that last check sees the whole run.
 */
@SystemTest
@Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessIT {

    static final String DASHBOARD_ORIGIN = "http://localhost:3000";
    static final String FOREIGN_ORIGIN = "https://evil.example";

    /**
     * Every operation under /api the contract names, per service; the served OpenAPI documents add whatever else
     * they list. {@code {id}} stands for a random id.
     */
    private static final Map<String, List<String>> OPERATIONS = Map.of(
            TheSystem.CLUSTER_SERVICE, List.of("GET /api/clusters", "POST /api/clusters", "GET /api/clusters/{id}",
                    "PUT /api/clusters/{id}", "DELETE /api/clusters/{id}", "GET /api/clusters/{id}/profile",
                    "GET /api/focus-areas", "POST /api/admin/views/agreement-events/rebuild",
                    "POST /api/admin/views/funding-events/rebuild"),
            TheSystem.MOU_SERVICE, List.of("GET /api/agreements", "POST /api/agreements", "GET /api/agreements/{id}",
                    "PUT /api/agreements/{id}", "POST /api/agreements/{id}/termination",
                    "GET /api/clusters/{id}/agreements", "GET /api/network",
                    "POST /api/admin/views/cluster-events/rebuild"),
            TheSystem.FUNDING_SERVICE, List.of("GET /api/funding-figures", "POST /api/funding-figures",
                    "GET /api/funding-figures/{id}", "PUT /api/funding-figures/{id}",
                    "GET /api/funding-figures/{id}/history", "GET /api/clusters/{id}/funding-summary",
                    "GET /api/indicators", "POST /api/admin/views/cluster-events/rebuild"));
    /** The views each service rebuilds from a topic (the channel names the topic). */
    private static final Map<String, List<String>> REBUILDS = Map.of(TheSystem.CLUSTER_SERVICE,
            List.of("agreement-events", "funding-events"), TheSystem.MOU_SERVICE, List.of("cluster-events"),
            TheSystem.FUNDING_SERVICE, List.of("cluster-events"));

    private final TheSystem system = TheSystem.get();
    private final ClusterBridge api = new ClusterBridge(system);
    private final Tokens tokens = system.tokens();

    @Test
    @Order(1)
    void withoutAValidTokenEveryApiOperationIsA401ProblemWhileHealthStaysOpen() {
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        Map<String, String> badCredentials = badCredentials();
        for (String service : TheSystem.SERVICES) {
            String base = system.url(service);
            for (String path : List.of("/q/health/ready", "/q/health", "/q/openapi")) {
                Reply open = Http.as(null, "GET", base + path, null);
                Reply withGarbage = Http.as("not.a.token", "GET", base + path, null);
                requests += 2;
                check(wrong, open, open.status() == 200, "open without a token");
                check(wrong, withGarbage, withGarbage.status() == 200, "open whatever the request carries");
            }
            if (system.isLocalStack()) {
                Reply metrics = Http.as(null, "GET", base + "/q/metrics", null, "Accept", "text/plain");
                requests++;
                check(wrong, metrics, metrics.status() == 200, "metrics open for the scraper");
            }
            for (String operation : operations(service)) {
                operations++;
                String method = operation.substring(0, operation.indexOf(' '));
                String url = base + operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}",
                        UUID.randomUUID().toString());
                Reply anonymous = send(null, method, url);
                requests++;
                unauthorized(wrong, anonymous, "no token");
                for (Map.Entry<String, String> bad : badCredentials.entrySet()) {
                    Reply refused = sendWithAuthorization(bad.getValue(), method, url);
                    requests++;
                    unauthorized(wrong, refused, bad.getKey());
                }
            }
        }
        // A valid token without any of the registry's roles: known, but allowed nothing.
        if (tokens.issuer().isPresent()) {
            String roleless = tokens.issuer().get().token("system-tests-no-role");
            for (String service : TheSystem.SERVICES) {
                for (String operation : operations(service)) {
                    String method = operation.substring(0, operation.indexOf(' '));
                    String url = system.url(service) + operation.substring(operation.indexOf(' ') + 1)
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    Reply reply = send(roleless, method, url);
                    requests++;
                    String verdict = Problems.problemVerdict(reply, 403);
                    if (verdict != null) {
                        wrong.add("a valid token without roles: " + verdict + " <- " + method + " " + url);
                    }
                }
            }
        }
        Report.line("access: %d operations under /api in %d services, %d requests without a valid token (none, %s) "
                + "and with a token without roles%s; health, OpenAPI%s open; %d wrong answers", operations,
                TheSystem.SERVICES.size(), requests, String.join(", ", badCredentials.keySet()),
                tokens.issuer().isPresent() ? "" : " (not signed here: no issuer against running services)",
                system.isLocalStack() ? " and metrics" : "", wrong.size());
        wrong.stream().limit(40).forEach(w -> Report.line("  wrong answer: %s", w));
        assertThat(wrong).as("answers to requests without a valid token or role").isEmpty();
    }

    @Test
    @Order(2)
    void aReaderCannotWriteAndTheRefusedWritesChangeNothing() {
        Targets targets = targets("reader", "a", "FR", "b", "JP");
        String aId = targets.clusterId();
        JsonNode figure = api.recordFigure(countFigure(aId, "projects-certified", 12, "2023-12-31", "Reader target"));
        String agreementUrl = targets.agreementUrl();
        String figureUrl = api.figures() + "/" + figure.path("id").asText();
        Map<String, Long> totals = totals();
        Map<String, Long> versions = versions(aId, agreementUrl, figureUrl);

        String newSlug = slug("reader-new");
        List<Reply> replies = new ArrayList<>();
        String reader = tokens.reader();
        replies.add(Http.json(reader, "POST", api.clusters(),
                ClusterBridge.clusterRequest(newSlug, "Reader New", "FR", "CLUSTER"), null));
        replies.add(Http.json(reader, "PUT", api.clusters() + "/" + aId, renamed(targets.cluster(),
                "Renamed By A Reader"), etag(targets.cluster())));
        replies.add(Http.json(reader, "DELETE", api.clusters() + "/" + aId, null, null));
        replies.add(Http.json(reader, "POST", api.agreements(), ClusterBridge.agreementRequest(slug("READER-NEW"),
                List.of(party(aId), party(targets.partnerId()))), null));
        replies.add(Http.json(reader, "PUT", agreementUrl, agreementDetails(targets.agreement()),
                etag(targets.agreement())));
        replies.add(Http.json(reader, "POST", agreementUrl + "/termination", termination(), null));
        replies.add(Http.json(reader, "POST", api.figures(), countFigure(aId, "projects-certified", 13,
                "2024-12-31", "Reader new"), null));
        replies.add(Http.json(reader, "PUT", figureUrl, countFigure(aId, "projects-certified", 14, "2023-12-31",
                "Reader target"), etag(figure)));
        replies.addAll(rebuilds(reader));

        assertAllRefused(replies, 403, "writes with a reader's token");
        assertThat(totals()).as("list totals after the reader's writes").isEqualTo(totals);
        assertThat(versions(aId, agreementUrl, figureUrl)).as("versions after the reader's writes")
                .isEqualTo(versions);
        assertThat(Http.get(api.clusters() + "/" + newSlug).status()).isEqualTo(404);
        assertThat(api.cluster(aId).path("names").path("en").asText()).isEqualTo("Reader Target A");
        Report.line("access: a reader's %d writes (register, update, retire, sign, terminate, record, correct, "
                + "rebuild) all 403 problems; totals %s unchanged", replies.size(), totals);
    }

    @Test
    @Order(3)
    void anEditorCannotRetireTerminateOrRebuildButAnAdminCan() {
        Targets targets = targets("editor", "c", "DE", "d", "BE");
        String cId = targets.clusterId();
        String agreementUrl = targets.agreementUrl();
        Map<String, Long> totals = totals();
        JsonNode clusterBefore = api.cluster(cId);
        JsonNode agreementBefore = api.agreement(targets.agreementId());

        String editor = tokens.editor();
        List<Reply> replies = new ArrayList<>();
        replies.add(Http.json(editor, "DELETE", api.clusters() + "/" + cId, null, null));
        replies.add(Http.json(editor, "POST", agreementUrl + "/termination", termination(), null));
        replies.addAll(rebuilds(editor));
        assertAllRefused(replies, 403, "retire, terminate and rebuild with an editor's token");

        assertThat(totals()).as("list totals after the editor's refused requests").isEqualTo(totals);
        assertThat(api.cluster(cId)).as("cluster after the editor's retirement").isEqualTo(clusterBefore);
        assertThat(api.agreement(targets.agreementId())).as("agreement after the editor's termination")
                .isEqualTo(agreementBefore);

        // The same requests with the admin's token go through, and name the admin.
        String admin = Tokens.subject(tokens.admin());
        Reply terminated = Http.post(agreementUrl + "/termination", termination());
        assertThat(terminated.status()).as("%s", terminated).isEqualTo(200);
        assertThat(terminated.json().path("updatedBy").asText()).as("%s", terminated).isEqualTo(admin);
        JsonNode retired = api.retireCluster(cId);
        assertThat(retired.path("status").asText()).isEqualTo("RETIRED");
        assertThat(retired.path("updatedBy").asText()).as("%s", retired).isEqualTo(admin);
        assertThat(retired.path("createdBy").asText()).as("%s", retired).isEqualTo(Tokens.subject(editor));
        Report.line("access: an editor's retire, terminate and %d rebuilds all 403 problems, nothing changed; the "
                + "admin's terminate and retire went through as %s", replies.size() - 2, admin);
    }

    @Test
    @Order(4)
    void anEditorCorrectsOnlyTheFiguresItReportedWhileAnAdminCorrectsAny() {
        Assumptions.assumeTrue(tokens.issuer().isPresent(), "needs a second editor, signed by the local stack's "
                + "issuer");
        String editor = Tokens.subject(tokens.editor());
        String admin = Tokens.subject(tokens.admin());
        String clusterId = api.registerCluster("corrected-figures", "Corrected Figures", "FR").path("id").asText();
        JsonNode figure = api.recordFigure(countFigure(clusterId, "projects-certified", 100, "2022-12-31",
                "Own report"));
        String url = api.figures() + "/" + figure.path("id").asText();
        assertWrittenBy(figure, editor, editor);

        String otherEditor = tokens.issuer().get().token("system-tests-other-editor", TokenIssuer.READER,
                TokenIssuer.EDITOR);
        Reply refused = Http.json(otherEditor, "PUT", url, countFigure(clusterId, "projects-certified", 101,
                "2022-12-31", "Own report"), etag(figure));
        assertThat(Problems.problemVerdict(refused, 403)).as("another editor's correction").isNull();
        JsonNode unchanged = api.figure(figure.path("id").asText());
        assertThat(unchanged.path("version").asLong()).as("version after another editor's correction")
                .isEqualTo(figure.path("version").asLong());
        assertThat(unchanged.path("value").path("count").asLong()).isEqualTo(100);

        Reply own = Http.put(url, etag(figure), countFigure(clusterId, "projects-certified", 102, "2022-12-31",
                "Own report"));
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertWrittenBy(own.json(), editor, editor);
        Reply byAdmin = Http.json(tokens.admin(), "PUT", url, countFigure(clusterId, "projects-certified", 103,
                "2022-12-31", "Own report"), etag(own.json()));
        assertThat(byAdmin.status()).as("%s", byAdmin).isEqualTo(200);
        assertWrittenBy(byAdmin.json(), editor, admin);
        assertThat(byAdmin.json().path("value").path("count").asLong()).isEqualTo(103);
        Report.line("access: another editor's correction of %s's figure a 403 problem; its own and the admin's "
                + "went through (updatedBy %s, then %s)", editor, editor, admin);
    }

    @Test
    @Order(5)
    void anEditorsWritesNameTheEditorAndStillReachTheOtherServicesViews() {
        long started = System.nanoTime();
        String editor = Tokens.subject(tokens.editor());
        JsonNode x = api.registerCluster("audited-x", "Audited X", "FR");
        JsonNode y = api.registerCluster("audited-y", "Audited Y", "JP");
        String xId = x.path("id").asText();
        assertWrittenBy(x, editor, editor);
        assertWrittenBy(api.cluster(xId), editor, editor);

        Reply renamed = api.renameCluster(x, "Audited X Renamed");
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        assertWrittenBy(renamed.json(), editor, editor);
        JsonNode agreement = api.signAgreement(slug("AUDITED"), party(xId), party(y.path("id").asText()));
        assertWrittenBy(agreement, editor, editor);
        assertWrittenBy(api.agreement(agreement.path("id").asText()), editor, editor);
        JsonNode figure = api.recordFigure(countFigure(xId, "projects-certified", 305, "2019-12-31",
                "Audited report"));
        assertWrittenBy(figure, editor, editor);
        assertWrittenBy(api.figure(figure.path("id").asText()), editor, editor);

        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode profile = api.profile(xId);
            assertThat(texts(profile.path("agreements").path("items"), "id"))
                    .containsExactly(agreement.path("id").asText());
            assertThat(texts(profile.path("latestFigures"), "figureId")).contains(figure.path("id").asText());
            JsonNode parties = api.agreement(agreement.path("id").asText()).path("parties");
            assertThat(parties.findValuesAsText("en")).contains("Audited X Renamed");
            assertThat(api.fundingSummary(xId).path("clusterNames").path("en").asText())
                    .isEqualTo("Audited X Renamed");
        });

        String events = "events not read (no Kafka address given)";
        if (system.kafka().isPresent()) {
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("cluster-events", xId);
            expected.put("agreement-events", agreement.path("id").asText());
            expected.put("funding-events", figure.path("id").asText());
            int checked = 0;
            for (Map.Entry<String, String> topic : expected.entrySet()) {
                List<JsonNode> mine = new ArrayList<>();
                await().atMost(PROPAGATION).untilAsserted(() -> {
                    mine.clear();
                    for (ConsumerRecord<String, String> record : TopicRecords.readAll(system.kafka().get(),
                            topic.getKey())) {
                        JsonNode event = parse(record.value());
                        if (event.path("subject").asText().equals(topic.getValue())) {
                            mine.add(event);
                        }
                    }
                    assertThat(mine).as("events of %s on %s", topic.getValue(), topic.getKey()).isNotEmpty();
                });
                for (JsonNode event : mine) {
                    assertThat(event.path("actor").asText()).as("actor of %s", event).isEqualTo(editor);
                }
                checked += mine.size();
            }
            events = checked + " events on the three topics carry the editor as actor";
        }
        Report.line("access: the editor's register, rename, sign and record name %s as createdBy/updatedBy; views "
                + "converged; %s (%.1f s)", editor, events, (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(6)
    void browsersMayCallFromTheDashboardsOriginOnly() {
        Map<String, String> collections = Map.of(TheSystem.CLUSTER_SERVICE, api.clusters(), TheSystem.MOU_SERVICE,
                api.agreements(), TheSystem.FUNDING_SERVICE, api.figures());
        List<String> wrong = new ArrayList<>();
        for (String service : TheSystem.SERVICES) {
            String url = collections.get(service);
            Reply allowed = preflight(url, DASHBOARD_ORIGIN);
            if (allowed.status() >= 300 || !allowed.header("Access-Control-Allow-Origin").orElse("")
                    .equals(DASHBOARD_ORIGIN)) {
                wrong.add(service + ": preflight from " + DASHBOARD_ORIGIN + " not allowed: " + allowed + " "
                        + allowed.headers().map());
            }
            Reply foreign = preflight(url, FOREIGN_ORIGIN);
            String allowOrigin = foreign.header("Access-Control-Allow-Origin").orElse("");
            if (allowOrigin.equals(FOREIGN_ORIGIN) || allowOrigin.equals("*")) {
                wrong.add(service + ": preflight from " + FOREIGN_ORIGIN + " allowed: " + foreign + " "
                        + foreign.headers().map());
            }
            Report.line("access: CORS preflight of POST %s: from %s %d, Allow-Origin %s; from %s %d, Allow-Origin %s",
                    url, DASHBOARD_ORIGIN, allowed.status(), allowed.header("Access-Control-Allow-Origin")
                            .orElse("(none)"), FOREIGN_ORIGIN, foreign.status(), allowOrigin.isEmpty() ? "(none)"
                                    : allowOrigin);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(7)
    void theStacksTokenFilesAreOwnerOnlyAndHoldTheirRoles() throws IOException {
        LocalStack stack = system.localStack("reading the token files the stack wrote");
        assertThat(permissions(stack.keyDirectory())).isEqualTo("rwx------");
        assertThat(permissions(stack.keyDirectory().resolve(TokenIssuer.PRIVATE_KEY_FILE))).isEqualTo("rw-------");
        Map<String, Role> roles = Map.of(TokenIssuer.READER, Role.READER, TokenIssuer.EDITOR, Role.EDITOR,
                TokenIssuer.ADMIN, Role.ADMIN);
        for (Map.Entry<String, Role> role : roles.entrySet()) {
            Path file = stack.tokenFile(role.getKey());
            assertThat(permissions(file)).as("permissions of %s", file).isEqualTo("rw-------");
            String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
            assertThat(token).isEqualTo(tokens.token(role.getValue()));
            assertThat(Tokens.subject(token)).isEqualTo(LocalStack.subject(role.getKey()));
            // The file's token works, for reads, with every service.
            for (String service : TheSystem.SERVICES) {
                String list = service.equals(TheSystem.CLUSTER_SERVICE) ? api.clusters()
                        : service.equals(TheSystem.MOU_SERVICE) ? api.agreements() : api.figures();
                Reply reply = Http.as(token, "GET", list + "?size=1", null);
                assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            }
        }
        Report.line("access: token files %s owner-only (rw-------), key folder rwx------; each token reads every "
                + "service", stack.tokenFile(TokenIssuer.READER).getParent());
    }

    /** Last of the run: every token sent (and the stack's private key) is nowhere in the services' output. */
    @Test
    @Order(100)
    void noTokenAndNoPrivateKeyEverReachesTheServicesLogs() throws IOException {
        LocalStack stack = system.localStack("reading the services' log files");
        Set<String> used = new TreeSet<>();
        stack.issuedTokens().forEach(used::add);
        Http.sentTokens().forEach(used::add);
        List<String> signatures = used.stream().filter(t -> t.chars().filter(ch -> ch == '.').count() == 2)
                .map(Tokens::signature).filter(s -> s.length() >= 40).distinct().toList();
        String pem = Files.readString(stack.keyDirectory().resolve(TokenIssuer.PRIVATE_KEY_FILE),
                StandardCharsets.US_ASCII);
        List<String> keyLines = pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 16).toList();
        assertThat(keyLines).isNotEmpty();
        assertThat(signatures).as("signatures of the tokens the run used").hasSizeGreaterThanOrEqualTo(4);

        List<String> found = new ArrayList<>();
        long bytes = 0;
        for (String service : TheSystem.SERVICES) {
            Path log = stack.logFile(service);
            String text = Files.readString(log, StandardCharsets.UTF_8);
            bytes += text.length();
            signatures.stream().filter(text::contains).forEach(s -> found.add(service + " log " + log
                    + " holds a token (signature " + s.substring(0, 12) + "...)"));
            keyLines.stream().filter(text::contains).findFirst().ifPresent(l -> found.add(service + " log " + log
                    + " holds a line of the private key"));
            if (text.contains("PRIVATE KEY")) {
                found.add(service + " log " + log + " mentions a PRIVATE KEY");
            }
        }
        Report.line("access: %d distinct tokens used by the run (signatures), the private key's %d lines: %s in the "
                + "services' logs (%d characters read)", signatures.size(), keyLines.size(),
                found.isEmpty() ? "none" : found.size() + " found", bytes);
        assertThat(found).isEmpty();
    }

    // ---- helpers

    /** The operations of a service: those of the contract and those its OpenAPI document lists. */
    private Set<String> operations(String service) {
        Set<String> operations = new LinkedHashSet<>(OPERATIONS.get(service));
        Reply document = Http.as(null, "GET", system.url(service) + "/q/openapi?format=json", null);
        assertThat(document.status()).as("%s", document).isEqualTo(200);
        Iterator<Map.Entry<String, JsonNode>> paths = document.json().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    String template = path.getKey().replaceAll("\\{[^}]+}", "{id}");
                    if (template.startsWith("/api/admin/views/{id}")) {
                        // The contract's channels above; a random one would be a 404 of its own once allowed.
                        return;
                    }
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + template);
                }
            });
        }
        return operations;
    }

    /** Authorization values that are no valid token; signed ones only when the suite has the issuer. */
    private Map<String, String> badCredentials() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("a malformed token", "Bearer not.a.token");
        bad.put("Basic credentials", "Basic " + java.util.Base64.getEncoder().encodeToString(
                "admin:admin".getBytes(StandardCharsets.UTF_8)));
        bad.put("an unsigned token", "Bearer " + unsigned());
        tokens.issuer().ifPresent(issuer -> {
            String[] all = { TokenIssuer.READER, TokenIssuer.EDITOR, TokenIssuer.ADMIN };
            bad.put("an expired token", "Bearer " + issuer.expired("system-tests-expired", all));
            bad.put("a token of another issuer", "Bearer " + issuer.withIssuer("https://elsewhere.example")
                    .token("system-tests-elsewhere", all));
            bad.put("a token signed by another key", "Bearer " + TokenIssuer.generate(issuer.issuer())
                    .token("system-tests-stranger", all));
        });
        return bad;
    }

    /** A token with {@code alg: none} that claims every role. */
    private static String unsigned() {
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(("{\"iss\":\"https://local-stack.clusterbridge.org\",\"sub\":\"nobody\","
                + "\"aud\":\"clusterbridge\",\"groups\":[\"registry-reader\",\"registry-editor\",\"registry-admin\"],"
                + "\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static Reply send(String token, String method, String url) {
        return method.equals("GET") || method.equals("DELETE") ? Http.as(token, method, url, null)
                : Http.as(token, method, url, "{}".getBytes(StandardCharsets.UTF_8), "If-Match", "\"1\"");
    }

    private static Reply sendWithAuthorization(String authorization, String method, String url) {
        return method.equals("GET") || method.equals("DELETE")
                ? Http.as(null, method, url, null, "Authorization", authorization)
                : Http.as(null, method, url, "{}".getBytes(StandardCharsets.UTF_8), "If-Match", "\"1\"",
                        "Authorization", authorization);
    }

    private static void unauthorized(List<String> wrong, Reply reply, String what) {
        String verdict = Problems.problemVerdict(reply, 401);
        if (verdict == null && !reply.header("WWW-Authenticate").orElse("").startsWith("Bearer")) {
            verdict = "no Bearer challenge in WWW-Authenticate: " + reply.headers().map();
        }
        if (verdict != null) {
            wrong.add(what + ": " + verdict + " <- " + reply.method() + " " + reply.url());
        }
    }

    private static void check(List<String> wrong, Reply reply, boolean right, String what) {
        if (!right) {
            wrong.add(what + ": " + reply);
        }
    }

    private static void assertAllRefused(List<Reply> replies, int status, String what) {
        List<String> wrong = new ArrayList<>();
        for (Reply reply : replies) {
            String verdict = Problems.problemVerdict(reply, status);
            if (verdict != null) {
                wrong.add(verdict + " <- " + reply.method() + " " + reply.url());
            }
        }
        assertThat(wrong).as(what).isEmpty();
    }

    /** What a role's refused writes aim at: two clusters registered for the test and the agreement between them. */
    private record Targets(JsonNode cluster, String clusterId, String partnerId, JsonNode agreement,
            String agreementUrl) {

        String agreementId() {
            return agreement.path("id").asText();
        }
    }

    /**
     * Registers {@code <role>-target-<cluster>} and {@code <role>-target-<partner>} (named "Role Target X") and signs
     * an agreement between them ({@code ROLE-TARGET-...}).
     */
    private Targets targets(String role, String cluster, String clusterCountry, String partner,
            String partnerCountry) {
        JsonNode registered = registerTarget(role, cluster, clusterCountry);
        String clusterId = registered.path("id").asText();
        String partnerId = registerTarget(role, partner, partnerCountry).path("id").asText();
        JsonNode agreement = api.signAgreement(slug(role.toUpperCase(Locale.ROOT) + "-TARGET"), party(clusterId),
                party(partnerId));
        return new Targets(registered, clusterId, partnerId, agreement,
                api.agreements() + "/" + agreement.path("id").asText());
    }

    private JsonNode registerTarget(String role, String letter, String country) {
        String name = Character.toUpperCase(role.charAt(0)) + role.substring(1) + " Target "
                + letter.toUpperCase(Locale.ROOT);
        return api.registerCluster(role + "-target-" + letter, name, country);
    }

    private List<Reply> rebuilds(String token) {
        List<Reply> replies = new ArrayList<>();
        REBUILDS.forEach((service, channels) -> channels.forEach(channel -> replies.add(Http.json(token, "POST",
                system.url(service) + "/api/admin/views/" + channel + "/rebuild", "", null))));
        return replies;
    }

    private Reply preflight(String url, String origin) {
        return Http.as(null, "OPTIONS", url, null, "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
    }

    private Map<String, Long> totals() {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("clusters", ClusterBridge.total(api.clusters()));
        totals.put("agreements", ClusterBridge.total(api.agreements()));
        totals.put("figures", ClusterBridge.total(api.figures()));
        return totals;
    }

    private Map<String, Long> versions(String clusterId, String agreementUrl, String figureUrl) {
        Map<String, Long> versions = new LinkedHashMap<>();
        versions.put("cluster", api.cluster(clusterId).path("version").asLong());
        versions.put("agreement", ClusterBridge.ok(Http.get(agreementUrl)).path("version").asLong());
        versions.put("figure", ClusterBridge.ok(Http.get(figureUrl)).path("version").asLong());
        return versions;
    }

    private static void assertWrittenBy(JsonNode representation, String createdBy, String updatedBy) {
        assertThat(representation.path("createdBy").asText()).as("createdBy of %s", representation)
                .isEqualTo(createdBy);
        assertThat(representation.path("updatedBy").asText()).as("updatedBy of %s", representation)
                .isEqualTo(updatedBy);
    }

    private static ObjectNode renamed(JsonNode cluster, String nameEn) {
        ObjectNode details = ClusterBridge.clusterDetails(cluster);
        ((ObjectNode) details.get("names")).put("en", nameEn);
        return details;
    }

    /** An agreement's request body from its representation: reference, title, parties and the rest as sent. */
    private static ObjectNode agreementDetails(JsonNode agreement) {
        List<ObjectNode> parties = new ArrayList<>();
        agreement.path("parties").forEach(p -> parties.add(party(p.path("clusterId").asText())));
        return ClusterBridge.agreementRequest(agreement.path("reference").asText(), parties);
    }

    private static ObjectNode termination() {
        return Http.JSON.createObjectNode().put("date", "2024-06-01").put("reason", "Ended by mutual consent");
    }

    private static String etag(JsonNode representation) {
        return "\"" + representation.path("version").asLong() + "\"";
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static JsonNode parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
