package io.unimember.gateway.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lean lookup's own connections to member-service (decision 0020), against a plain HTTP/1.1 server: one
 * keep-alive connection reused for lookups one after another; a reused connection the server closes is replaced
 * and the lookup sent once more, a new one that closes fails it; no answer in time fails with a read timeout and
 * closes the connection; beyond the limit per loop, lookups wait for a connection and are all answered.
 */
class LookupUpstreamTests {

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : closeAfter) {
            each.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void lookupsOneAfterAnotherShareOneKeepAliveConnection() throws Exception {
        Server server = server((connection, request) -> {
            String body = "{\"n\":" + request.number() + "}";
            return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Seen-Member: "
                    + request.header("x-member-id") + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        });
        LookupUpstream upstream = upstream(server, Duration.ofSeconds(2), 8);

        for (int i = 1; i <= 20; i++) {
            Result result = get(upstream, "/api/v1/members/me/entitlements?scene=HOTEL");
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.header("X-Seen-Member")).isEqualTo("m-1");
            assertThat(result.body()).isEqualTo("{\"n\":" + i + "}");
            assertThat(result.onLoop()).isTrue();
        }
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.requests.get()).isEqualTo(20);
    }

    @Test
    void aReusedConnectionClosedBeforeTheAnswerIsReplacedAndTheLookupSentAgain() throws Exception {
        // the first connection answers once, then closes on its next request without answering
        Server server = server((connection, request) ->
                connection == 1 && request.onConnection == 2 ? null : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        LookupUpstream upstream = upstream(server, Duration.ofSeconds(2), 8);

        assertThat(get(upstream, "/a").status()).isEqualTo(200);
        Result repeated = get(upstream, "/b");

        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo("ok");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void aNewConnectionClosedBeforeTheAnswerFailsTheLookup() throws Exception {
        Server server = server((connection, request) -> null);
        LookupUpstream upstream = upstream(server, Duration.ofSeconds(2), 8);

        Result result = get(upstream, "/a");

        assertThat(result.failure()).isInstanceOf(IOException.class);
        assertThat(server.connections.get()).isEqualTo(1); // not tried again: it was not a reused connection
    }

    @Test
    void noAnswerInTimeIsAReadTimeoutAndTheConnectionIsClosed() throws Exception {
        Server server = server((connection, request) -> "");
        LookupUpstream upstream = upstream(server, Duration.ofMillis(200), 8);
        long sent = System.nanoTime();

        Result result = get(upstream, "/a");

        assertThat(result.failure()).isInstanceOf(ReadTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.closed.get() == 1);
    }

    @Test
    void beyondTheLimitPerLoopLookupsWaitForAConnection() throws Exception {
        Server server = server((connection, request) -> {
            sleep(50);
            return "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + (request.number() % 10);
        });
        LookupUpstream upstream = upstream(server, Duration.ofSeconds(5), 2);
        List<CompletableFuture<Result>> sent = new ArrayList<>();
        loop.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        sent.add(send(upstream, "/" + i));
                    }
                })
                .get(5, TimeUnit.SECONDS);

        for (CompletableFuture<Result> each : sent) {
            assertThat(each.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(server.requests.get()).isEqualTo(6);
    }

    private record Result(
            int status,
            io.netty.handler.codec.http.HttpHeaders headers,
            String body,
            Throwable failure,
            boolean onLoop) {

        String header(String name) {
            return headers.get(name);
        }
    }

    private Result get(LookupUpstream upstream, String uri) throws Exception {
        return loop.submit(() -> send(upstream, uri)).get(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<Result> send(LookupUpstream upstream, String uri) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        upstream.get(
                loop,
                NioSocketChannel.class,
                uri,
                headers -> headers.set("x-member-id", "m-1"),
                new LookupUpstream.Outcome() {
                    @Override
                    public void answered(LookupUpstream.Answer answer) {
                        String body = answer.body().toString(StandardCharsets.UTF_8);
                        answer.body().release();
                        result.complete(new Result(answer.status(), answer.headers(), body, null, loop.inEventLoop()));
                    }

                    @Override
                    public void failed(Throwable cause) {
                        result.complete(new Result(0, null, null, cause, loop.inEventLoop()));
                    }
                });
        return result;
    }

    private LookupUpstream upstream(Server server, Duration responseTimeout, int maxPerLoop) {
        LookupUpstream upstream = new LookupUpstream(
                URI.create("http://127.0.0.1:" + server.port()),
                1000,
                responseTimeout.toNanos(),
                TimeUnit.SECONDS.toNanos(30),
                maxPerLoop);
        closeAfter.addFirst(upstream);
        return upstream;
    }

    private Server server(BiFunction<Integer, Request, String> answer) throws IOException {
        Server server = new Server(answer);
        closeAfter.add(server);
        return server;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request as the server read it: its number overall and on its connection, and its headers. */
    private record Request(int number, int onConnection, List<String> headers) {

        String header(String name) {
            return headers.stream()
                    .filter(line -> line.toLowerCase().startsWith(name + ":"))
                    .map(line -> line.substring(name.length() + 1).trim())
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * An HTTP/1.1 server on loopback: answers each request with what {@code answer} gives for (connection number,
     * request), closes the connection without answering for null, and keeps it open without answering for "".
     */
    private static final class Server implements AutoCloseable {

        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final BiFunction<Integer, Request, String> answer;

        Server(BiFunction<Integer, Request, String> answer) throws IOException {
            this.answer = answer;
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    int number = connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(client, number));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket client, int connection) {
            try (client) {
                var in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                int onConnection = 0;
                for (String line; (line = in.readLine()) != null; ) {
                    List<String> headers = new ArrayList<>();
                    for (String header; (header = in.readLine()) != null && !header.isEmpty(); ) {
                        headers.add(header);
                    }
                    String reply =
                            answer.apply(connection, new Request(requests.incrementAndGet(), ++onConnection, headers));
                    if (reply == null) {
                        return;
                    }
                    client.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                }
            } catch (IOException e) {
                // closed by the client
            } finally {
                closed.incrementAndGet();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
