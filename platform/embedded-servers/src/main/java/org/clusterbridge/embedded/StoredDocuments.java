package org.clusterbridge.embedded;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of the H2 backend's collections: each document stored as BSON, the form it came in on the wire,
 * rather than with Java serialisation, which H2 uses for a type it does not know. Java serialisation wrote and read
 * the class descriptions of every document's maps and values again for each of them: under mou-service's rebuild
 * H2's page writer spent about half the server's time on it, and every page read back ran through an
 * {@code ObjectInputStream}. A document is tagged with a byte H2 does not use ({@link #DOCUMENT}); a value read
 * without that tag (a file written before) is read as H2 reads it, and a document BSON cannot hold (a value of a
 * type the wire does not have) is written as H2 writes it. The other way, a file this type has written is no longer
 * readable by the plain H2 backend. BSON keeps dates to the millisecond, as MongoDB does.
 */
final class StoredDocuments extends ObjectDataType {

    /** The tag of a BSON document: ObjectDataType's own tags stop at 119. */
    static final byte DOCUMENT = 120;

    /** What a document costs in memory, from the BSON sizes seen (a moving average, as H2 keeps for its own). */
    private volatile int averageMemory = 2_000;

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (!(value instanceof Document document)) {
            super.write(buff, value);
            return;
        }
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException | ClassCastException notBson) {
            super.write(buff, value);
            return;
        }
        int length = bson.readableBytes();
        observe(length);
        buff.put(DOCUMENT).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != DOCUMENT) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuffer bson = buff.slice();
        bson.limit(length);
        buff.position(buff.position() + length);
        observe(length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : super.getMemory(value);
    }

    /** Java objects take several times their BSON's bytes: four times, and the document's own objects. */
    private void observe(int bsonLength) {
        averageMemory = (int) ((4L * bsonLength + 200 + 15L * averageMemory) / 16);
    }
}
