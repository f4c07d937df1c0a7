package org.clusterbridge.api.export;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * The columns of a representation type as CSV, from its JSON properties in the order they are serialised: a
 * value is one column, an object one column per property ({@code value.amount}, {@code value.currency}), a
 * multilingual text (a map) one column per language ({@code names.en}, {@code names.ja}: English first, then the
 * others alphabetically), a list one column (values joined with {@code ;}, objects as a JSON array). The header
 * thus depends on the type and on the languages present, never on which optional fields the first rows have.
 */
final class CsvLayout {

    private static final int MAX_DEPTH = 4;

    /** One column: its header and the path of property names to its value in an item's JSON tree. */
    record Column(String header, List<String> path, boolean list) {

        String cell(JsonNode item) {
            JsonNode node = item;
            for (String step : path) {
                node = node == null ? null : node.get(step);
            }
            if (node == null || node.isNull() || node.isMissingNode()) {
                return "";
            }
            if (node.isArray()) {
                return joined(node);
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }

        private static String joined(JsonNode array) {
            List<String> values = new ArrayList<>();
            for (Iterator<JsonNode> elements = array.elements(); elements.hasNext();) {
                JsonNode element = elements.next();
                if (!element.isValueNode()) {
                    return array.toString();
                }
                values.add(element.asText());
            }
            return String.join(";", values);
        }
    }

    private final List<Column> columns;

    private CsvLayout(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The layout of {@code type}; {@code languages} is asked only when the type has a multilingual text. */
    static CsvLayout of(ObjectMapper mapper, Class<?> type, Supplier<Set<String>> languages) {
        List<Column> columns = new ArrayList<>();
        Languages known = new Languages(languages);
        add(mapper, mapper.constructType(type), List.of(), columns, known, 0);
        return new CsvLayout(columns);
    }

    List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    String[] row(JsonNode item) {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = columns.get(i).cell(item);
        }
        return cells;
    }

    private static void add(ObjectMapper mapper, JavaType type, List<String> prefix, List<Column> columns,
            Languages languages, int depth) {
        BeanDescription bean = mapper.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(property.getName());
            JavaType propertyType = property.getPrimaryType();
            if (propertyType.isMapLikeType()) {
                for (String language : languages.get()) {
                    List<String> keyed = new ArrayList<>(path);
                    keyed.add(language);
                    columns.add(new Column(String.join(".", keyed), keyed, false));
                }
            } else if (propertyType.isCollectionLikeType() || propertyType.isArrayType()) {
                columns.add(new Column(String.join(".", path), path, true));
            } else if (isValue(propertyType) || depth >= MAX_DEPTH) {
                columns.add(new Column(String.join(".", path), path, false));
            } else {
                add(mapper, propertyType, path, columns, languages, depth + 1);
            }
        }
    }

    private static boolean isValue(JavaType type) {
        Class<?> raw = type.getRawClass();
        return type.isPrimitive() || type.isEnumType() || CharSequence.class.isAssignableFrom(raw)
                || Number.class.isAssignableFrom(raw) || Boolean.class == raw || UUID.class == raw
                || TemporalAccessor.class.isAssignableFrom(raw) || JsonNode.class.isAssignableFrom(raw)
                || raw.getName().startsWith("java.");
    }

    /** The languages of the export, asked for once and only if a column needs them; English first. */
    private static final class Languages {

        private final Supplier<Set<String>> source;
        private List<String> ordered;

        Languages(Supplier<Set<String>> source) {
            this.source = source;
        }

        List<String> get() {
            if (ordered == null) {
                List<String> others = new ArrayList<>(source.get());
                others.remove("en");
                others.sort(null);
                ordered = new ArrayList<>();
                ordered.add("en");
                ordered.addAll(others);
            }
            return ordered;
        }
    }
}
