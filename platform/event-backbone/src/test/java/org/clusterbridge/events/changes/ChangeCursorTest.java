package org.clusterbridge.events.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A cursor carries the offsets it was made from and nothing else, and refuses to be read when altered. */
class ChangeCursorTest {

    @Test
    void aCursorReadsBackAsTheOffsetsItWasMadeOf() {
        ChangeCursor cursor = ChangeCursor.of(Map.of(0, 12L, 1, 0L, 2, 7_000_000_000L));
        String encoded = cursor.encode();

        assertThat(encoded).startsWith("v1.").matches("v1\\.[A-Za-z0-9_-]+");
        assertThat(ChangeCursor.decode(encoded)).isEqualTo(cursor);
        assertThat(ChangeCursor.decode(ChangeCursor.beginning().encode()).offsets()).isEmpty();
        assertThat(ChangeCursor.decode(cursor.after(1, 41).encode()).offsets())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(0, 12L, 1, 42L, 2, 7_000_000_000L)));
    }

    @Test
    void anAlteredCursorIsRefused() {
        String body = "0:12,1:0";
        String forged = "v1." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((body.replace("12", "13") + ";" + checksumOf(body)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ChangeCursor.decode(forged)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> ChangeCursor.decode("v2.abc")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> ChangeCursor.decode("v1.*")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> ChangeCursor.decode("v1." + "A".repeat(ChangeCursor.MAX_LENGTH)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aCursorWithANegativeOrRepeatedPositionIsRefusedEvenWithAGoodChecksum() {
        for (String body : new String[] { "0:-1", "0:1,0:2", "x:1", "0:", "0" }) {
            String cursor = "v1." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((body + ";" + checksumOf(body)).getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> ChangeCursor.decode(cursor)).as(body).isInstanceOf(InvalidCursorException.class);
        }
    }

    private static String checksumOf(String body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
