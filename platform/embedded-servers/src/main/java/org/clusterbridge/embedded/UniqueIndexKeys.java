package org.clusterbridge.embedded;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of the H2 backend's unique indexes ({@code _id} first of all), in the order they already have on
 * disk, without its cost. H2 keeps a key it does not know (mongo-java-server's {@link KeyValue}) in the order of
 * its Java serialisation, and compares two of them by serialising both, for every step of every lookup: about a
 * third of the server's time under mou-service's rebuild. A key of one string (every {@code _id} the services
 * write) is compared here to the same result without serialising it: its serialised form differs from another's
 * only in the string's modified UTF-8 length, then in its bytes, whose order is the order of the UTF-16 chars
 * except that U+0000 (two bytes, C0 80) comes between U+007F and U+0080. Any other key takes H2's own comparison.
 * A single-string key is also written as its string behind a tag of its own ({@link #SINGLE_STRING}) rather than
 * serialised; a key read without that tag (a file written before) is read as H2 reads it. The order being the same,
 * a file written by the plain H2 backend is read and extended here; the other way round it is not.
 */
final class UniqueIndexKeys extends ObjectDataType {

    /** The tag of a single-string key: ObjectDataType's own tags stop at 119, {@link StoredDocuments} takes 120. */
    static final byte SINGLE_STRING = 121;

    @Override
    public void write(WriteBuffer buff, Object key) {
        String text = singleString(key);
        if (text == null) {
            super.write(buff, key);
        } else {
            buff.put(SINGLE_STRING).putVarInt(text.length()).putStringData(text, text.length());
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != SINGLE_STRING) {
            return super.read(buff);
        }
        buff.get();
        return new KeyValue(DataUtils.readString(buff, DataUtils.readVarInt(buff)));
    }

    @Override
    public int compare(Object a, Object b) {
        String first = singleString(a);
        String second = first == null ? null : singleString(b);
        return second == null ? super.compare(a, b)
                : compareSerialized(first, modifiedUtf8Length(first), second);
    }

    /**
     * H2's binary search within a page (BasicDataType's, with its first guess), the key's length counted once for
     * the page rather than once a comparison.
     */
    @Override
    public int binarySearch(Object key, Object storage, int size, int initialGuess) {
        String searched = singleString(key);
        if (searched == null) {
            return super.binarySearch(key, storage, size, initialGuess);
        }
        long searchedLength = modifiedUtf8Length(searched);
        Object[] keys = (Object[]) storage;
        int low = 0;
        int high = size - 1;
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            String held = singleString(keys[x]);
            int compare = held == null ? super.compare(key, keys[x])
                    : compareSerialized(searched, searchedLength, held);
            if (compare > 0) {
                low = x + 1;
            } else if (compare < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return ~low;
    }

    /** A single-string key's memory as H2 estimates it, without serialising it to count its bytes. */
    @Override
    public int getMemory(Object key) {
        String value = singleString(key);
        return value == null ? super.getMemory(key) : 160 + 2 * value.length();
    }

    /** The sign H2's comparison of the two serialised single-string keys has ({@code lengthA}: a's bytes). */
    private static int compareSerialized(String a, long lengthA, String b) {
        if (a.length() == b.length() && a.equals(b)) {
            return 0;
        }
        long lengthB = modifiedUtf8Length(b);
        if (lengthA != lengthB) {
            return lengthA < lengthB ? -1 : 1;
        }
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return Integer.compare(rank(ca), rank(cb));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static String singleString(Object key) {
        return key instanceof KeyValue value && value.size() == 1 && value.get(0) instanceof String text ? text
                : null;
    }

    /** The bytes {@link java.io.DataOutput#writeUTF} writes for {@code text} (beyond 65,535 a long string). */
    private static long modifiedUtf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        return length;
    }

    /** A char's place in the order of its modified UTF-8 encoding. */
    private static int rank(char c) {
        return c == 0 ? 0x7F * 2 + 1 : c * 2;
    }
}
