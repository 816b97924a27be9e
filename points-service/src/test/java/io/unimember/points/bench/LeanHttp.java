package io.unimember.points.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The benchmark's HTTP/1.1 client: keep-alive connections to one server, borrowed by the (virtual) thread that sends
 * a request and returned when its answer has been read. The JDK's {@code HttpClient} cost the generator 0.6–0.9 ms
 * of CPU per order on the 2-core box, a third of the machine at 1,000 orders/s, and so measured the generator as
 * much as the service; this one writes a request and reads a status line, headers and a body with blocking socket
 * calls. It speaks exactly what the benchmark needs: POST with a JSON body, answers with {@code Content-Length} or
 * chunked bodies.
 */
final class LeanHttp implements AutoCloseable {

    private static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 2_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }
    }

    private final InetSocketAddress address;
    private final String host;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    LeanHttp(URI base) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
    }

    /** Posts a JSON body and returns the answer's status; the body is read and dropped. */
    int post(String path, String authorization, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        Connection reused = idle.poll();
        if (reused != null) {
            try {
                return exchange(reused, request);
            } catch (IOException staleConnection) {
                // the server closed it while it was idle; an order is idempotent, so send it again on a new one
            }
        }
        return exchange(new Connection(address), request);
    }

    private int exchange(Connection c, byte[] request) throws IOException {
        try {
            c.out.write(request);
            c.out.flush();
            Answer answer = readAnswer(c.in);
            if (answer.close()) {
                c.socket.close();
            } else {
                idle.add(c);
            }
            return answer.status();
        } catch (IOException | RuntimeException e) {
            c.socket.close();
            throw e;
        }
    }

    private record Answer(int status, boolean close) {}

    private static Answer readAnswer(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).trim(), 16);
                    size > 0;
                    size = Long.parseLong(line(in).trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in); // the blank line after the last chunk
        } else {
            skip(in, length);
        }
        return new Answer(status, close);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        for (Connection c; (c = idle.poll()) != null; ) {
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
