package org.clusterbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * A list of the service under test exported as a partner reads it: {@code GET path} with a reader's token and
 * {@code Accept: text/csv} or {@code application/x-ndjson}, parsed with Jackson's readers.
 */
public final class ExportedLists {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private ExportedLists() {
    }

    /** A CSV export: its header row and its rows as header → cell maps, in order. */
    public record Csv(List<String> header, List<Map<String, String>> rows) {

        public List<String> column(String name) {
            assertThat(header).as("CSV header").contains(name);
            return rows.stream().map(row -> row.get(name)).toList();
        }
    }

    /** {@code path} (with its query) as CSV; fails unless it is a 200 in UTF-8 CSV. */
    public static Csv csv(String path) {
        Response response = export(path, "text/csv");
        assertThat(response.contentType()).as("Content-Type").startsWith("text/csv").containsIgnoringCase(
                "charset=UTF-8");
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(response.asByteArray())) {
            rows.forEachRemaining(lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(lines).as("CSV of %s: a header row at least", path).isNotEmpty();
        List<String> header = List.of(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String[] line : lines.subList(1, lines.size())) {
            assertThat(line).as("a row of %s has a cell per column", path).hasSize(header.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < line.length; i++) {
                row.put(header.get(i), line[i]);
            }
            rows.add(row);
        }
        return new Csv(header, rows);
    }

    /** {@code path} (with its query) as newline-delimited JSON: one representation per line. */
    public static List<JsonNode> ndjson(String path) {
        Response response = export(path, "application/x-ndjson");
        assertThat(response.contentType()).as("Content-Type").startsWith("application/x-ndjson");
        List<JsonNode> items = new ArrayList<>();
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertThat(body.isEmpty() || body.endsWith("\n")).as("every line of %s ends with a newline", path).isTrue();
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                items.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return items;
    }

    private static Response export(String path, String mediaType) {
        Response response = RestAssured.given().auth().oauth2(TestTokens.reader()).accept(mediaType).get(path);
        assertThat(response.statusCode()).as("GET %s as %s: %s", path, mediaType, response.asString())
                .isEqualTo(200);
        return response;
    }
}
