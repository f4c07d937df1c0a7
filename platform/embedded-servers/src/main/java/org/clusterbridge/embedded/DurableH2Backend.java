package org.clusterbridge.embedded;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 MVStore backend of mongo-java-server, made durable: MVStore by itself commits in the background about
 * once a second, so a killed server loses the writes of its last second. Here each write command is also
 * committed and synced to the file before its reply goes out, as MongoDB's journaled write concern does.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    DurableH2Backend(Path file) {
        super(new MVStore.Builder().fileName(file.toString()).open());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
            getMvStore().sync();
        }
        return reply;
    }
}
