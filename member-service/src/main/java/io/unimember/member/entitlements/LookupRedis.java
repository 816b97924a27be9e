package io.unimember.member.entitlements;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import reactor.netty.resources.LoopResources;

/**
 * The lookup listener's Redis GET, on the event loop that read the request (decision 0019): each of the listener's
 * event loops keeps one Redis connection of its own, so sending the GET, reading its answer and writing the lookup's
 * answer all happen on that one thread, with no hand-off to another thread and back. (Through Lettuce, whose
 * connection lives on an event loop of its own, each lookup woke two more threads; with its per-command timeout, a
 * third.) GETs on a connection are pipelined and answered in order; the connection's one timer fails them all and
 * closes it when the oldest has waited longer than {@code timeout}.
 *
 * <p>Until a loop's connection is open (the first lookups on it, or Redis away: a new connection is tried at most
 * once a second), a GET goes through the application's {@link StringRedisTemplate} on the blocking executor. A failed
 * or timed-out GET fails its stage, and the view cache degrades exactly as it does when a blocking GET fails.
 *
 * <p>It speaks only what a GET needs of RESP2 (AUTH and SELECT when configured); a Redis reached over TLS is read
 * through the template alone.
 */
final class LookupRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LookupRedis.class);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final StringRedisTemplate template;
    private final Executor blocking;
    private final long timeoutNanos;
    private final @Nullable Address address;
    private final Map<EventLoop, Link> links = new ConcurrentHashMap<>();
    private volatile @Nullable LoopResources loops;

    /** Where Redis is and how to log in to it: the application's own connection settings. */
    record Address(String host, int port, @Nullable String username, @Nullable String password, int database) {

        static @Nullable Address of(LettuceConnectionFactory factory) {
            if (factory.getClientConfiguration().isUseSsl()) {
                return null;
            }
            RedisStandaloneConfiguration standalone = factory.getStandaloneConfiguration();
            return new Address(
                    standalone.getHostName(),
                    standalone.getPort(),
                    standalone.getUsername(),
                    standalone.getPassword().map(String::new).orElse(null),
                    standalone.getDatabase());
        }
    }

    LookupRedis(@Nullable Address address, StringRedisTemplate template, Executor blocking, Duration timeout) {
        this.address = address;
        this.template = template;
        this.blocking = blocking;
        this.timeoutNanos = timeout.toNanos();
        if (address == null) {
            log.warn("entitlement lookup listener: Redis is reached over TLS; its GETs go through the template");
        }
    }

    /** The listener's event loops have started: GETs may now open connections on them. */
    void open(LoopResources running) {
        loops = running;
    }

    /**
     * The value at {@code key}, or null when there is none. Called on {@code loop}, the event loop that read the
     * request; answered on it too when its connection is open.
     */
    CompletionStage<@Nullable String> get(EventLoop loop, String key) {
        LoopResources running = loops;
        if (address != null && running != null && loop.inEventLoop()) {
            CompletableFuture<@Nullable String> sent =
                    links.computeIfAbsent(loop, l -> new Link(l, running)).get(key);
            if (sent != null) {
                return sent;
            }
        }
        return CompletableFuture.supplyAsync(() -> template.opsForValue().get(key), blocking);
    }

    /** Whether {@code loop} has its own connection open (called on that loop). */
    boolean connected(EventLoop loop) {
        Link link = links.get(loop);
        return link != null && link.channel != null && link.channel.isActive();
    }

    /** Closes every loop's connection (the loops themselves belong to the listener). */
    @Override
    public void close() {
        loops = null;
        links.values().forEach(Link::close);
        links.clear();
    }

    /** One event loop's connection; touched only on that loop. */
    private final class Link {

        private final EventLoop loop;
        private final LoopResources running;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private @Nullable Channel channel;
        private @Nullable ScheduledFuture<?> timer;
        private boolean connecting;
        private long nextAttempt = System.nanoTime();

        Link(EventLoop loop, LoopResources running) {
            this.loop = loop;
            this.running = running;
        }

        /** The GET sent, or null when there is no open connection yet (one is being opened, if it is time). */
        @Nullable
        CompletableFuture<@Nullable String> get(String key) {
            Channel open = channel;
            if (open == null || !open.isActive()) {
                if (!connecting && System.nanoTime() - nextAttempt >= 0) {
                    connect();
                }
                return null;
            }
            CompletableFuture<@Nullable String> answer = new CompletableFuture<>();
            send(open, answer, "GET", key);
            return answer;
        }

        private void send(Channel open, CompletableFuture<@Nullable String> answer, String... command) {
            pending.add(new Pending(answer, System.nanoTime()));
            open.writeAndFlush(Resp.command(open.alloc(), command), open.voidPromise());
        }

        private void connect() {
            Address to = address;
            if (to == null) {
                return;
            }
            connecting = true;
            new Bootstrap()
                    .group(loop)
                    .channel(running.onChannelClass(SocketChannel.class, loop))
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeoutNanos / 1_000_000))
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new Resp.Decoder(), new Replies());
                        }
                    })
                    .connect(to.host(), to.port())
                    .addListener((ChannelFutureListener) done -> {
                        connecting = false;
                        if (!done.isSuccess()) {
                            nextAttempt = System.nanoTime() + RETRY_NANOS;
                            log.debug(
                                    "lookup listener: no Redis connection on {} ({})",
                                    loop,
                                    done.cause().toString());
                            return;
                        }
                        opened(done.channel(), to);
                    });
        }

        private void opened(Channel open, Address to) {
            channel = open;
            open.closeFuture().addListener(closed -> closed(open));
            // pipelined ahead of the first GET: Redis answers in order, and a refused login closes the connection
            if (to.password() != null) {
                CompletableFuture<@Nullable String> login = new CompletableFuture<>();
                login.whenComplete((ok, failed) -> closeOnFailure(open, failed));
                if (to.username() != null) {
                    send(open, login, "AUTH", to.username(), to.password());
                } else {
                    send(open, login, "AUTH", to.password());
                }
            }
            if (to.database() != 0) {
                CompletableFuture<@Nullable String> select = new CompletableFuture<>();
                select.whenComplete((ok, failed) -> closeOnFailure(open, failed));
                send(open, select, "SELECT", Integer.toString(to.database()));
            }
            long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), timeoutNanos / 5);
            timer = loop.scheduleAtFixedRate(() -> expire(open), period, period, TimeUnit.NANOSECONDS);
            log.info("entitlement lookup listener: Redis connection open on {}", loop);
        }

        private void closeOnFailure(Channel open, @Nullable Throwable failed) {
            if (failed != null) {
                log.warn("lookup listener: Redis refused the connection's set-up ({})", failed.getMessage());
                open.close();
            }
        }

        /** Fails every waiting GET and closes the connection once the oldest has waited longer than the timeout. */
        private void expire(Channel open) {
            Pending oldest = pending.peek();
            if (oldest != null && System.nanoTime() - oldest.sentNanos() > timeoutNanos) {
                fail(new TimeoutException("Redis did not answer within " + Duration.ofNanos(timeoutNanos)));
                open.close();
            }
        }

        private void closed(Channel open) {
            if (channel != open) {
                return;
            }
            channel = null;
            ScheduledFuture<?> running = timer;
            timer = null;
            if (running != null) {
                running.cancel(false);
            }
            fail(new IllegalStateException("the Redis connection closed"));
            nextAttempt = System.nanoTime() + RETRY_NANOS;
        }

        private void fail(Throwable cause) {
            for (Pending waiting; (waiting = pending.poll()) != null; ) {
                waiting.answer().completeExceptionally(cause);
            }
        }

        void close() {
            try {
                loop.execute(() -> {
                    Channel open = channel;
                    if (open != null) {
                        open.close();
                    }
                });
            } catch (RejectedExecutionException e) {
                // the loop has shut down, and closed its channels with it
            }
        }

        private final class Replies extends SimpleChannelInboundHandler<Resp.Reply> {

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, Resp.Reply reply) {
                Pending waiting = pending.poll();
                if (waiting == null) {
                    ctx.close(); // an answer nobody asked for: the stream is out of step
                    return;
                }
                if (reply.error() != null) {
                    waiting.answer().completeExceptionally(new IllegalStateException("Redis: " + reply.error()));
                } else {
                    waiting.answer().complete(reply.value());
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                log.warn("lookup listener: Redis connection failed ({})", cause.toString());
                ctx.close();
            }
        }
    }

    private record Pending(CompletableFuture<@Nullable String> answer, long sentNanos) {}

    /** The bit of RESP2 a GET needs. */
    static final class Resp {

        private static final int MAX_VALUE_BYTES = 64 * 1024 * 1024;

        private Resp() {}

        /** A reply: a value (null for a nil bulk string) or an error. */
        record Reply(@Nullable String value, @Nullable String error) {}

        static ByteBuf command(ByteBufAllocator alloc, String... parts) {
            ByteBuf out = alloc.buffer(32 + 16 * parts.length);
            out.writeByte('*').writeBytes(Integer.toString(parts.length).getBytes(StandardCharsets.US_ASCII));
            out.writeByte('\r').writeByte('\n');
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                out.writeByte('$').writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                out.writeByte('\r')
                        .writeByte('\n')
                        .writeBytes(bytes)
                        .writeByte('\r')
                        .writeByte('\n');
            }
            return out;
        }

        /** Bulk strings, simple strings, integers and errors, one reply per decode; anything else closes. */
        static final class Decoder extends ByteToMessageDecoder {

            @Override
            protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
                int start = in.readerIndex();
                int newline = in.indexOf(start, in.writerIndex(), (byte) '\n');
                if (newline < 0) {
                    return;
                }
                if (newline - start < 2 || in.getByte(newline - 1) != '\r') {
                    throw new DecoderException("not a RESP line");
                }
                byte type = in.getByte(start);
                String line = in.toString(start + 1, newline - 1 - (start + 1), StandardCharsets.UTF_8);
                switch (type) {
                    case '$' -> {
                        long length = parseLength(line);
                        if (length < 0) {
                            in.readerIndex(newline + 1);
                            out.add(new Reply(null, null));
                            return;
                        }
                        if (in.writerIndex() - (newline + 1) < length + 2) {
                            return; // the rest of the value has not arrived yet
                        }
                        String value = in.toString(newline + 1, (int) length, StandardCharsets.UTF_8);
                        in.readerIndex(newline + 1 + (int) length + 2);
                        out.add(new Reply(value, null));
                    }
                    case '+', ':' -> {
                        in.readerIndex(newline + 1);
                        out.add(new Reply(line, null));
                    }
                    case '-' -> {
                        in.readerIndex(newline + 1);
                        out.add(new Reply(null, line));
                    }
                    default -> throw new DecoderException("unexpected RESP type " + type);
                }
            }

            private static long parseLength(String line) {
                long length;
                try {
                    length = Long.parseLong(line);
                } catch (NumberFormatException e) {
                    throw new DecoderException("not a RESP length: " + line);
                }
                if (length < -1 || length > MAX_VALUE_BYTES) {
                    throw new DecoderException("RESP length out of range: " + length);
                }
                return length;
            }
        }
    }
}
