package org.clusterbridge.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates bad requests from a valid body by breaking one thing at a time: wrong types, missing fields, unknown
 * enum values, invalid codes, injection strings and Unicode edge cases in every string field, malformed JSON,
 * huge bodies, deep nesting; and bad path segments and query parameters.
 */
public final class BadRequests {

    /** What a field holds, which decides how it can be broken. */
    public enum Type {
        /** Free text: any string is fine, so an injection string there goes with a defect elsewhere. */
        TEXT, SLUG, COUNTRY, CURRENCY, ENUM, UUID, DATE, DATETIME, ZONE, NUMBER, CODE, URL, LANGUAGE, OBJECT, ARRAY
    }

    public record Field(String path, Type type, boolean required) {
    }

    /** One generated request. {@code body} is sent as it is (already serialised). */
    public record Bad(String category, String method, String url, String contentType, String ifMatch, byte[] body) {
        String label() {
            return category + " " + method + " " + url;
        }
    }

    public static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE cluster; --",
            "\" OR \"\"=\"", "1; SELECT pg_sleep(10)--", "{\"$gt\": \"\"}", "'; return db.dropDatabase(); var x='",
            "$where", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1/a}", "../../../../etc/passwd",
            "{{7*7}}#{7*7}", "%00%0d%0aSet-Cookie: a=b");
    /** Strings that are not valid Unicode text (lone surrogates), written as JSON escapes. */
    public static final List<String> BROKEN_UNICODE_ESCAPES = List.of("\\ud800", "abc\\udfff", "\\udbff\\ud800x");
    /** Valid but awkward Unicode: sent with a defect elsewhere, they must survive parsing and error messages. */
    public static final List<String> AWKWARD_UNICODE = List.of("\u0000", "zero\u200bwidth", "\u202egnp.exe",
            "e\u0301\u0301\u0301", "🧬🧪", "\ufeffbom", "ＦＵＬＬＷＩＤＴＨ", "𝕸𝖆𝖙𝖍", "null", "\u2028\u2029");

    private final String collectionUrl;
    private final ObjectNode base;
    private final List<Field> fields;
    private final Consumer<ObjectNode> lateDefect;
    private final List<Bad> generated = new ArrayList<>();

    /**
     * @param base       a valid POST body for {@code collectionUrl}
     * @param lateDefect breaks a body in a way only found after parsing (an unknown country, a date in the
     *                   future): what makes a body with an injection string in a free-text field bad
     */
    public BadRequests(String collectionUrl, ObjectNode base, List<Field> fields, Consumer<ObjectNode> lateDefect) {
        this.collectionUrl = collectionUrl;
        this.base = base;
        this.fields = fields;
        this.lateDefect = lateDefect;
    }

    public List<Bad> generated() {
        return generated;
    }

    /** Every body defect, sent as POST to the collection (and, when given, as PUT to an existing item). */
    public BadRequests bodies(String method, String url, String ifMatch, ObjectNode validBody) {
        for (Field field : fields) {
            for (JsonNode wrong : wrongTypes(field.type())) {
                add("wrong type " + field.path(), method, url, ifMatch, with(validBody, field.path(), wrong));
            }
            if (field.required()) {
                add("missing " + field.path(), method, url, ifMatch, without(validBody, field.path()));
            }
            for (String invalid : invalidValues(field.type())) {
                add("invalid " + field.type() + " " + field.path(), method, url, ifMatch,
                        with(validBody, field.path(), Http.JSON.getNodeFactory().textNode(invalid)));
            }
            if (field.type() == Type.ENUM || field.type() == Type.NUMBER || field.type() == Type.OBJECT
                    || field.type() == Type.ARRAY) {
                continue;
            }
            for (String injection : INJECTIONS) {
                ObjectNode body = with(validBody, field.path(), Http.JSON.getNodeFactory().textNode(injection));
                if (field.type() == Type.TEXT) {
                    lateDefect.accept(body);
                }
                add("injection " + field.path(), method, url, ifMatch, body);
            }
            if (field.type() == Type.TEXT) {
                for (String awkward : AWKWARD_UNICODE) {
                    ObjectNode body = with(validBody, field.path(), Http.JSON.getNodeFactory().textNode(awkward));
                    lateDefect.accept(body);
                    add("unicode " + field.path(), method, url, ifMatch, body);
                }
            }
        }
        // Unknown fields, at the top and in each nested object.
        for (Field field : fields) {
            if (field.type() == Type.OBJECT) {
                ObjectNode body = validBody.deepCopy();
                JsonNode target = at(body, field.path());
                if (target instanceof ObjectNode object) {
                    object.put("unexpectedField", "x");
                    add("unknown field in " + field.path(), method, url, ifMatch, body);
                }
            }
        }
        add("unknown field", method, url, ifMatch, validBody.deepCopy().put("isAdmin", true));
        return this;
    }

    /** Lone surrogates in the first free-text fields: not Unicode text, so not storable as it is. */
    public BadRequests brokenUnicode(String method, String url, String ifMatch, ObjectNode validBody, int textFields) {
        fields.stream().filter(f -> f.type() == Type.TEXT).limit(textFields).forEach(field -> {
            for (String escape : BROKEN_UNICODE_ESCAPES) {
                String marker = "BROKEN-UNICODE-MARKER";
                String json = write(with(validBody, field.path(), Http.JSON.getNodeFactory().textNode(marker)))
                        .replace(marker, escape);
                generated.add(new Bad("broken unicode " + field.path(), method, url, "application/json", ifMatch,
                        json.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return this;
    }

    /** Bodies that are not JSON, not an object, too big or too deep. */
    public BadRequests malformed(String method, String url, String ifMatch, ObjectNode validBody) {
        String valid = write(validBody);
        List<String> texts = List.of("", " ", "{", "}", "{\"a\":", valid.substring(0, valid.length() / 2),
                valid + "}", valid.replaceFirst("\"", "'"), valid.replaceFirst("\":", "\"="), "null", "[]", "42",
                "\"text\"", "true", "{\"slug\": NaN}", "{/* comment */}", valid.replace("{", "{,"),
                "[" + valid + "]", valid.replace(":", ": undefined, \"x\":"));
        for (String text : texts) {
            raw("malformed JSON", method, url, "application/json", ifMatch, text.getBytes(StandardCharsets.UTF_8));
        }
        raw("invalid UTF-8", method, url, "application/json", ifMatch, new byte[] { '{', '"', (byte) 0xC3, 0x28, '"',
                ':', '1', '}' });
        raw("invalid UTF-8", method, url, "application/json", ifMatch, withBytes(valid, new byte[] { (byte) 0xFF,
                (byte) 0xFE }));
        raw("invalid UTF-8", method, url, "application/json", ifMatch, withBytes(valid, new byte[] { (byte) 0xED,
                (byte) 0xA0, (byte) 0x80 }));
        raw("wrong content type", method, url, "text/plain", ifMatch, valid.getBytes(StandardCharsets.UTF_8));
        raw("wrong content type", method, url, "application/xml", ifMatch,
                "<cluster><slug>x</slug></cluster>".getBytes(StandardCharsets.UTF_8));
        raw("wrong content type", method, url, "application/x-www-form-urlencoded", ifMatch,
                "slug=x&kind=CLUSTER".getBytes(StandardCharsets.UTF_8));
        // Over the 1 MB body limit.
        for (int megabytes : new int[] { 2, 5 }) {
            ObjectNode huge = validBody.deepCopy();
            huge.put("notes", "x".repeat(megabytes * 1024 * 1024));
            add("huge body", method, url, ifMatch, huge);
        }
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < 300_000; i++) {
            array.append("1,");
        }
        raw("huge body", method, url, "application/json", ifMatch, (array + "1]").getBytes(StandardCharsets.UTF_8));
        // Nesting far past what any parser should follow.
        for (int depth : new int[] { 1_500, 20_000, 200_000 }) {
            raw("deep nesting", method, url, "application/json", ifMatch,
                    nested(valid, depth, "[", "]").getBytes(StandardCharsets.UTF_8));
            raw("deep nesting", method, url, "application/json", ifMatch,
                    nested(valid, depth, "{\"a\":", "}").getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** Requests to a path with a bad id segment. */
    public BadRequests badIds(String method, String urlTemplate, String contentType, ObjectNode body) {
        List<String> ids = new ArrayList<>(List.of("not-a-uuid", "1234", "00000000-0000-0000-0000-00000000000g",
                "00000000-0000-0000-0000-0000000000000", "0000000-0000-0000-0000-000000000000",
                "{00000000-0000-0000-0000-000000000000}", "00000000_0000_0000_0000_000000000000", "null", "undefined",
                "%00", "..%2F..%2Fetc%2Fpasswd", "٠٠٠٠٠٠٠٠-٠٠٠٠-٠٠٠٠-٠٠٠٠-٠٠٠٠٠٠٠٠٠٠٠٠", "x".repeat(2000),
                java.util.UUID.randomUUID().toString()));
        INJECTIONS.forEach(ids::add);
        for (String id : ids) {
            String segment = id.equals("%00") || id.startsWith("..%2F") ? id : Http.encode(id);
            generated.add(new Bad("bad id", method, urlTemplate.replace("{id}", segment), contentType,
                    body == null ? null : "\"1\"", body == null ? null : write(body).getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    /**
     * Bad values of a query parameter of a list; {@code freeText} parameters accept any text, so their injection
     * strings go with an invalid page number.
     */
    public BadRequests query(String listUrl, String parameter, boolean freeText, List<String> invalid) {
        List<String> values = new ArrayList<>(invalid);
        INJECTIONS.forEach(values::add);
        values.add("ＦＵＬＬ");
        values.add("\u0000");
        values.add("\ud800");
        for (String value : values) {
            boolean injection = INJECTIONS.contains(value) || !invalid.contains(value);
            String url = listUrl + "?" + parameter + "=" + Http.encode(value)
                    + (freeText && injection ? "&page=-1" : "");
            generated.add(new Bad("query " + parameter, "GET", url, null, null, null));
        }
        return this;
    }

    /** Bad If-Match values on a PUT of a valid body to an existing item. */
    public BadRequests badIfMatch(String url, ObjectNode validBody) {
        for (String ifMatch : List.of("abc", "\"999999\"", "\"0\"", "W/\"x\"", "\"1\" OR 1=1", "\"-1\"", "\"\"")) {
            add("bad If-Match", "PUT", url, ifMatch, validBody);
        }
        generated.add(new Bad("missing If-Match", "PUT", url, "application/json", null,
                write(validBody).getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public BadRequests add(String category, String method, String url, String ifMatch, JsonNode body) {
        generated.add(new Bad(category, method, url, "application/json", ifMatch,
                write(body).getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    private void raw(String category, String method, String url, String contentType, String ifMatch, byte[] body) {
        generated.add(new Bad(category, method, url, contentType, ifMatch, body));
    }

    public String collectionUrl() {
        return collectionUrl;
    }

    public ObjectNode base() {
        return base;
    }

    private static List<JsonNode> wrongTypes(Type type) {
        var f = Http.JSON.getNodeFactory();
        ObjectNode operator = f.objectNode().put("$gt", "");
        return switch (type) {
            case NUMBER -> List.of(f.textNode("twelve"), f.objectNode(), f.arrayNode(), f.booleanNode(false));
            case OBJECT -> List.of(f.numberNode(5), f.arrayNode().add(1), f.booleanNode(true));
            case ARRAY -> List.of(f.numberNode(7), f.objectNode(), f.objectNode().put("0", "x"));
            default -> List.of(f.objectNode(), f.arrayNode().add("x"), operator);
        };
    }

    private static List<String> invalidValues(Type type) {
        return switch (type) {
            case SLUG -> List.of("Has Spaces", "UPPER-case", "-leading", "trailing-", "double--dash", "médicen",
                    "slug\u200b", "ｓｌｕｇ", "slug\u0000", "s".repeat(101), "");
            case COUNTRY -> List.of("XX", "ZZ", "FRA", "F", "", "  ", "12", "ＦＲ", "F\u0000", "EU", "UK", "QQ");
            case CURRENCY -> List.of("EURO", "ABC", "", "€", "US$", "12", "EU", "ＥＵＲ", "EU\u0000", "QQQ");
            case ENUM -> List.of("NOT_A_VALUE", "", " ", "UNKNOWN_VALUE_2", "ＡＣＴＩＶＥ", "X\u200b", "null");
            case UUID -> List.of("not-a-uuid", "1234", "00000000-0000-0000-0000-00000000000g",
                    "٠٠٠٠٠٠٠٠-٠٠٠٠-٠٠٠٠-٠٠٠٠-٠٠٠٠٠٠٠٠٠٠٠٠", "{}");
            case DATE -> List.of("2024-13-45", "2023-02-29", "yesterday", "01/02/2024", "2024-1-1", "２０２４-01-01",
                    "2024-01-01T25:00");
            case DATETIME -> List.of("2024-13-01T10:00:00", "tomorrow at noon", "2024-01-01T24:61:00");
            case ZONE -> List.of("Mars/Olympus_Mons", "UTC+25", "Asia/Tokyo\u0000", "");
            case CODE -> List.of("no-such-code", "UPPER-CODE", "with space", "");
            case URL -> List.of("not a url", "javascript:alert(1)", "http://", "//no-scheme");
            case LANGUAGE -> List.of("e", "12", "en_US", "ja-JP-\u0000", "-en");
            case NUMBER -> List.of("-1");
            default -> List.of();
        };
    }

    static ObjectNode with(ObjectNode body, String path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? copy : at(copy, path.substring(0, dot));
        String last = dot < 0 ? path : path.substring(dot + 1);
        set(parent, last, value);
        return copy;
    }

    static ObjectNode without(ObjectNode body, String path) {
        ObjectNode copy = body.deepCopy();
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? copy : at(copy, path.substring(0, dot));
        String last = dot < 0 ? path : path.substring(dot + 1);
        if (last.endsWith("]")) {
            String name = last.substring(0, last.indexOf('['));
            ((ArrayNode) parent.get(name)).remove(index(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
        return copy;
    }

    private static void set(JsonNode parent, String step, JsonNode value) {
        if (step.endsWith("]")) {
            String name = step.substring(0, step.indexOf('['));
            ((ArrayNode) parent.get(name)).set(index(step), value);
        } else {
            ((ObjectNode) parent).set(step, value);
        }
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String step : path.split("\\.")) {
            if (step.endsWith("]")) {
                current = current.get(step.substring(0, step.indexOf('['))).get(index(step));
            } else {
                current = current.get(step);
            }
            if (current == null) {
                throw new IllegalArgumentException("no " + path + " in the base body");
            }
        }
        return current;
    }

    private static int index(String step) {
        return Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
    }

    private static String nested(String valid, int depth, String open, String close) {
        // The nesting replaces the value of the first field, so the body is otherwise the valid one.
        int colon = valid.indexOf(':');
        int comma = valid.indexOf(',', colon);
        return valid.substring(0, colon + 1) + open.repeat(depth) + "1" + close.repeat(depth)
                + valid.substring(comma);
    }

    private static byte[] withBytes(String valid, byte[] bytes) {
        byte[] prefix = valid.substring(0, valid.indexOf(':') + 2).getBytes(StandardCharsets.UTF_8);
        byte[] rest = valid.substring(valid.indexOf(':') + 2).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + bytes.length + rest.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(bytes, 0, all, prefix.length, bytes.length);
        System.arraycopy(rest, 0, all, prefix.length + bytes.length, rest.length);
        return all;
    }

    static String write(JsonNode body) {
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
