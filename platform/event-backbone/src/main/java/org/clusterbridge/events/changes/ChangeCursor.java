package org.clusterbridge.events.changes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A position in the change feed: for each partition of the topic, the offset of the next record to read. It is
 * nothing but Kafka offsets, so it stays valid across restarts and instances. Clients see it as an opaque string:
 * {@code v1.} and the base64url of {@code partition:offset,...;crc32}; the checksum turns an edited or truncated
 * cursor into a 400 instead of a silent jump. The word {@value #END} is the end of every partition at the time it is
 * read: a reader that only wants what happens from now on starts there.
 *
 * @param offsets the next offset to read per partition; a partition it does not name is read from its beginning
 *                (or, {@code atEnd}, from its end)
 * @param atEnd   whether the partitions it does not name start at their end instead of their beginning
 */
public record ChangeCursor(SortedMap<Integer, Long> offsets, boolean atEnd) {

    static final String PREFIX = "v1.";
    /** The cursor a client passes for "from now on". */
    public static final String END = "end";
    /** Far above any real topic's partitions; keeps a forged cursor from costing memory. */
    static final int MAX_LENGTH = 8192;

    public ChangeCursor {
        offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
    }

    public ChangeCursor(SortedMap<Integer, Long> offsets) {
        this(offsets, false);
    }

    /** Before the first record of every partition. */
    public static ChangeCursor beginning() {
        return new ChangeCursor(new TreeMap<>());
    }

    /** After the last record of every partition, when it is read. */
    public static ChangeCursor end() {
        return new ChangeCursor(new TreeMap<>(), true);
    }

    public static ChangeCursor of(Map<Integer, Long> offsets) {
        return new ChangeCursor(new TreeMap<>(offsets));
    }

    /** The same position, but past the record at {@code offset} of {@code partition}. */
    public ChangeCursor after(int partition, long offset) {
        TreeMap<Integer, Long> next = new TreeMap<>(offsets);
        next.put(partition, offset + 1);
        return new ChangeCursor(next);
    }

    public String encode() {
        StringBuilder body = new StringBuilder();
        offsets.forEach((partition, offset) -> body.append(body.isEmpty() ? "" : ",").append(partition).append(':')
                .append(offset));
        String signed = body + ";" + Long.toHexString(checksum(body.toString()));
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signed.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor this feed gave out; throws {@link InvalidCursorException} for anything else. */
    public static ChangeCursor decode(String cursor) {
        if (END.equals(cursor)) {
            return end();
        }
        if (cursor.length() > MAX_LENGTH || !cursor.startsWith(PREFIX)) {
            throw new InvalidCursorException("is not a cursor of this feed; use the next value of a page, the id "
                    + "of an event, or end");
        }
        String signed;
        try {
            signed = new String(Base64.getUrlDecoder().decode(cursor.substring(PREFIX.length())),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("is not a cursor of this feed: it is not base64url");
        }
        int separator = signed.lastIndexOf(';');
        if (separator < 0 || !signed.substring(separator + 1).equals(
                Long.toHexString(checksum(signed.substring(0, separator))))) {
            throw new InvalidCursorException("is damaged or was altered: its checksum does not match");
        }
        return new ChangeCursor(parse(signed.substring(0, separator)));
    }

    private static TreeMap<Integer, Long> parse(String body) {
        TreeMap<Integer, Long> offsets = new TreeMap<>();
        if (body.isEmpty()) {
            return offsets;
        }
        for (String entry : body.split(",", -1)) {
            int colon = entry.indexOf(':');
            try {
                int partition = Integer.parseInt(entry.substring(0, colon));
                long offset = Long.parseLong(entry.substring(colon + 1));
                if (partition < 0 || offset < 0 || offsets.put(partition, offset) != null) {
                    throw new InvalidCursorException("names a partition twice or a negative position");
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new InvalidCursorException("is not a cursor of this feed: its positions are unreadable");
            }
        }
        return offsets;
    }

    private static long checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    @Override
    public String toString() {
        return encode();
    }
}
