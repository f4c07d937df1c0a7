package org.clusterbridge.api.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Streams every item of a list as CSV or as newline-delimited JSON. Items are read from the iterator while the
 * response is written, so only the store's current batch and the response buffer are held: an export of any size
 * runs in constant memory. The representations are the ones the JSON list serves, written by the application's
 * {@link ObjectMapper}.
 */
@ApplicationScoped
public class ListExport {

    private static final int BUFFER = 64 * 1024;

    private final ObjectMapper mapper;
    private final CsvMapper csv = new CsvMapper();

    ListExport(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The 200 answer streaming {@code items} of {@code type} in {@code format} (CSV or NDJSON).
     * {@code languages} names the languages of the items' multilingual texts, for the CSV header; it is asked
     * only for a CSV of a type that has such texts. {@code name} is the download's file name without extension.
     */
    public <T> Response stream(ListFormat format, Class<T> type, Supplier<Iterator<T>> items,
            Supplier<Set<String>> languages, String name) {
        if (!format.streamed()) {
            throw new IllegalArgumentException("a JSON list is answered as a page");
        }
        StreamingOutput body = format == ListFormat.CSV
                ? out -> writeCsv(out, CsvLayout.of(mapper, type, languages), items.get())
                : out -> writeNdjson(out, items.get());
        String extension = format == ListFormat.CSV ? ".csv" : ".ndjson";
        return Response.ok(body, format == ListFormat.CSV ? format.mediaType().withCharset("UTF-8")
                : format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + extension + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private void writeNdjson(OutputStream target, Iterator<?> items) throws IOException {
        OutputStream out = new BufferedOutputStream(target, BUFFER);
        ObjectWriter writer = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        while (items.hasNext()) {
            writer.writeValue(out, items.next());
            out.write('\n');
        }
        out.flush();
    }

    private void writeCsv(OutputStream target, CsvLayout layout, Iterator<?> items) throws IOException {
        OutputStream out = new BufferedOutputStream(target, BUFFER);
        // The header is the first row, written even when nothing matches.
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
        layout.headers().forEach(schema::addColumn);
        try (SequenceWriter rows = csv.writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .writeValues(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            rows.write(layout.headers().toArray(String[]::new));
            while (items.hasNext()) {
                rows.write(layout.row(mapper.valueToTree(items.next())));
            }
            rows.flush();
        }
        out.flush();
    }
}
