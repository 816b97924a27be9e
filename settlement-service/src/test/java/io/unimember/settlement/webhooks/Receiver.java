package io.unimember.settlement.webhooks;

import com.sun.net.httpserver.HttpServer;
import io.unimember.common.events.EventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver on loopback, as an integrator would write one: it checks each delivery's signature with the
 * endpoint's secret, acknowledges with 204, and deduplicates by event id. {@link #down} makes it answer 503 (an
 * outage), {@link #up} brings it back.
 */
final class Receiver implements AutoCloseable {

    record Received(String eventId, String eventType, String memberId, String body, boolean signatureValid) {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;
    private volatile String secret = "";
    private final boolean record;

    private Receiver(boolean record) throws IOException {
        this.record = record;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (down) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                if (this.record) {
                    String signature = exchange.getRequestHeaders().getFirst(Signatures.HEADER);
                    received.add(new Received(
                            exchange.getRequestHeaders().getFirst("Unimember-Event-Id"),
                            exchange.getRequestHeaders().getFirst("Unimember-Event-Type"),
                            memberOf(body),
                            body,
                            signature != null && Signatures.verify(secret, signature, body)));
                }
                acknowledged.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** A receiver that keeps every delivery, for tests. */
    static Receiver start() throws IOException {
        return new Receiver(true);
    }

    /** A receiver that only counts, for the capacity measurement. */
    static Receiver counting() throws IOException {
        return new Receiver(false);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    int refused() {
        return refused.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    /** The distinct event ids received, in the order each was first received. */
    Set<String> eventIds() {
        Set<String> ids = new LinkedHashSet<>();
        received.forEach(r -> ids.add(r.eventId()));
        return ids;
    }

    /**
     * Per member and source topic, the event ids in the order each was first received. Kafka orders a member's
     * events within a topic (the member is the key); events of two topics have no order between them.
     */
    Map<String, List<String>> firstReceiptsByMember() {
        Map<String, List<String>> byMember = new LinkedHashMap<>();
        for (Received r : received) {
            List<String> ids = byMember.computeIfAbsent(
                    r.memberId() + "/" + EventTypes.topicOf(r.eventType()), m -> new ArrayList<>());
            if (!ids.contains(r.eventId())) {
                ids.add(r.eventId());
            }
        }
        return byMember;
    }

    private static String memberOf(String body) {
        int at = body.indexOf("\"memberId\":\"");
        if (at < 0) {
            return "";
        }
        int start = at + "\"memberId\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
