package org.clusterbridge.events.changes;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client over a plain socket, so a test decides exactly when the connection goes: it sends
 * one HTTP/1.1 request, reads the status and headers, and then parses events into a queue on a thread of its own.
 */
final class SseClient implements AutoCloseable {

    /** One event as the server framed it; fields it did not send are null. */
    record Event(String id, String name, String data) {
    }

    private final Socket socket;
    private final int status;
    private final Map<String, String> headers;
    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private SseClient(Socket socket, int status, Map<String, String> headers, InputStream body) {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** Sends {@code GET pathAndQuery} with {@code Accept: text/event-stream} and the headers given. */
    static SseClient open(URL base, String pathAndQuery, Map<String, String> requestHeaders) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
        StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Accept: text/event-stream\r\n");
        requestHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        InputStream body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Chunked(in) : in;
        SseClient client = new SseClient(socket, status, headers, body);
        if (status == 200) {
            Thread reader = new Thread(client::readEvents, "sse-test-client");
            reader.setDaemon(true);
            reader.start();
        }
        return client;
    }

    int status() {
        return status;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The whole body of an answer that is not a stream (a problem). */
    String body() throws IOException {
        String length = header("content-length");
        if (length != null) {
            return new String(body.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
        }
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The next event, waiting up to {@code timeout}; null when none came. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The events received and not yet taken. */
    List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void readEvents() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try {
            while (true) {
                String line = utf8Line(body);
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    continue;
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
                }
            }
        } catch (IOException e) {
            ended = true;
        }
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private static String line(InputStream in) throws IOException {
        return new String(lineBytes(in), StandardCharsets.ISO_8859_1);
    }

    private static String utf8Line(InputStream in) throws IOException {
        return new String(lineBytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] lineBytes(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toByteArray();
    }

    /** The body of a chunked response, without the chunk framing. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean last;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (last) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) {
                    size = line(in);
                }
                left = Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    last = true;
                    return -1;
                }
            }
            left--;
            return in.read();
        }
    }
}
