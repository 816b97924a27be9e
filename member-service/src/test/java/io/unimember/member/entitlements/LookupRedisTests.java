package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.unimember.member.RedisAt;
import io.unimember.testsupport.TestInfrastructure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import reactor.netty.resources.LoopResources;

/**
 * The lookup listener's GETs on the event loop's own Redis connection (decision 0019), against the test Redis and
 * against fake servers that never answer or refuse everything: the right value for each GET, in order, answered on
 * the calling loop; the template until the connection is open; a silent Redis fails its GETs after the timeout and
 * is reconnected; an error reply fails only its GET; and the RESP decoder reads replies that arrive in pieces.
 */
class LookupRedisTests {

    private final LoopResources loops = LoopResources.create("lookup-redis-test", 1, true);
    private final EventLoop loop = (EventLoop) loops.onServer(true).next();
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private LettuceConnectionFactory factory;
    private StringRedisTemplate template;

    @BeforeEach
    void connect() {
        factory = RedisAt.port(
                TestInfrastructure.get().redisHost(), TestInfrastructure.get().redisPort());
        factory.afterPropertiesSet();
        factory.start();
        template = new StringRedisTemplate(factory);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : closeAfter) {
            each.close();
        }
        factory.destroy();
        loops.disposeLater().block(Duration.ofSeconds(5));
        blocking.shutdownNow();
    }

    @Test
    void getsOnTheCallersLoopOnceItsConnectionIsOpen() throws Exception {
        String key = "lookup-redis-test:" + UUID.randomUUID();
        template.opsForValue().set(key, "R|7|{\"tier\":\"黄金\"}", Duration.ofMinutes(1));
        LookupRedis redis = redis(LookupRedis.Address.of(factory), Duration.ofSeconds(2));

        // the first GET goes through the template while the loop's connection opens
        assertThat(answer(redis, key).value()).isEqualTo("R|7|{\"tier\":\"黄金\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> answer(redis, key).onLoop());

        Answered hit = answer(redis, key);
        assertThat(hit.value()).isEqualTo("R|7|{\"tier\":\"黄金\"}");
        assertThat(hit.onLoop()).isTrue();
        Answered none = answer(redis, key + ":absent");
        assertThat(none.value()).isNull();
        assertThat(none.onLoop()).isTrue();
    }

    @Test
    void pipelinedGetsAreAnsweredInOrder() throws Exception {
        String prefix = "lookup-redis-test:" + UUID.randomUUID() + ":";
        for (int i = 0; i < 200; i++) {
            template.opsForValue().set(prefix + i, "v" + i, Duration.ofMinutes(1));
        }
        LookupRedis redis = redis(LookupRedis.Address.of(factory), Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> answer(redis, prefix + 0).onLoop());

        List<CompletionStage<String>> sent = onLoop(() -> {
            List<CompletionStage<String>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(redis.get(loop, prefix + i));
            }
            return all;
        });

        for (int i = 0; i < 200; i++) {
            assertThat(sent.get(i).toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo("v" + i);
        }
    }

    @Test
    void aSilentRedisFailsItsGetsAfterTheTimeoutAndIsConnectedAgain() throws Exception {
        FakeRedis silent = fake(command -> null);
        LookupRedis redis =
                redis(new LookupRedis.Address("127.0.0.1", silent.port(), null, null, 0), Duration.ofMillis(200));
        onLoop(() -> redis.get(loop, "k")); // opens the loop's connection (this GET goes through the template)
        await().atMost(Duration.ofSeconds(5)).until(() -> onLoop(() -> redis.connected(loop)));
        assertThat(silent.commands.get()).isZero();

        long sentAt = System.nanoTime();
        CompletableFuture<String> waiting = onLoop(() -> redis.get(loop, "k")).toCompletableFuture();

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        // closed after the timeout; a later GET opens a new connection (at most once a second)
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            onLoop(() -> redis.get(loop, "k"));
            return silent.connections.get() == 2;
        });
    }

    @Test
    void loginAndDatabaseAreSentFirstAndAnErrorReplyFailsOnlyItsGet() throws Exception {
        List<String> seen = new ArrayList<>();
        FakeRedis fake = fake(command -> {
            synchronized (seen) {
                seen.add(String.join(" ", command));
            }
            return switch (command.getFirst()) {
                case "AUTH", "SELECT" -> "+OK\r\n";
                default -> command.get(1).equals("bad") ? "-WRONGTYPE not a string\r\n" : "$2\r\nok\r\n";
            };
        });
        LookupRedis redis =
                redis(new LookupRedis.Address("127.0.0.1", fake.port(), "app", "s3cret", 3), Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> answer(redis, "good").onLoop());

        CompletableFuture<String> bad = onLoop(() -> redis.get(loop, "bad")).toCompletableFuture();
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasMessageContaining("WRONGTYPE");
        Answered good = answer(redis, "good");
        assertThat(good.value()).isEqualTo("ok");
        assertThat(good.onLoop()).isTrue();
        synchronized (seen) {
            assertThat(seen.subList(0, 2)).containsExactly("AUTH app s3cret", "SELECT 3");
            assertThat(fake.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void theDecoderReadsRepliesThatArriveInPieces() {
        EmbeddedChannel channel = new EmbeddedChannel(new LookupRedis.Resp.Decoder());

        channel.writeInbound(Unpooled.copiedBuffer("$11\r\nR|3|{\"a\":", StandardCharsets.UTF_8));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.copiedBuffer("1}\r\n$-1\r\n+OK\r\n-ERR no\r\n", StandardCharsets.UTF_8));

        assertThat((Object) channel.readInbound()).isEqualTo(new LookupRedis.Resp.Reply("R|3|{\"a\":1}", null));
        assertThat((Object) channel.readInbound()).isEqualTo(new LookupRedis.Resp.Reply(null, null));
        assertThat((Object) channel.readInbound()).isEqualTo(new LookupRedis.Resp.Reply("OK", null));
        assertThat((Object) channel.readInbound()).isEqualTo(new LookupRedis.Resp.Reply(null, "ERR no"));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer("?what\r\n", StandardCharsets.UTF_8)))
                .isInstanceOf(DecoderException.class);
        assertThatThrownBy(() -> new EmbeddedChannel(new LookupRedis.Resp.Decoder())
                        .writeInbound(Unpooled.copiedBuffer("$99999999999\r\n", StandardCharsets.UTF_8)))
                .isInstanceOf(DecoderException.class);
    }

    private record Answered(String value, boolean onLoop) {}

    /** One GET sent from the loop; the value, and whether it was answered on the loop (its own connection). */
    private Answered answer(LookupRedis redis, String key) throws Exception {
        CompletionStage<Answered> answered =
                onLoop(() -> redis.get(loop, key).thenApply(value -> new Answered(value, loop.inEventLoop())));
        return answered.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> task) throws Exception {
        return loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    private LookupRedis redis(LookupRedis.Address address, Duration timeout) {
        LookupRedis redis = new LookupRedis(address, template, blocking, timeout);
        redis.open(loops);
        closeAfter.addFirst(redis);
        return redis;
    }

    private FakeRedis fake(Function<List<String>, String> answer) throws IOException {
        FakeRedis fake = new FakeRedis(answer);
        closeAfter.add(fake);
        return fake;
    }

    /** A server that reads RESP commands and answers each as told (null: never). */
    private static final class FakeRedis implements AutoCloseable {

        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger commands = new AtomicInteger();
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Function<List<String>, String> answer;

        FakeRedis(Function<List<String>, String> answer) throws IOException {
            this.answer = answer;
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            try (client) {
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream();
                for (String line; (line = in.readLine()) != null; ) {
                    int parts = Integer.parseInt(line.substring(1));
                    List<String> command = new ArrayList<>();
                    for (int i = 0; i < parts; i++) {
                        in.readLine(); // $length
                        command.add(in.readLine());
                    }
                    commands.incrementAndGet();
                    String reply = answer.apply(command);
                    if (reply != null) {
                        out.write(reply.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the connection was closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
