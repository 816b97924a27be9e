package io.unimember.gateway.lookup;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The lean lookup's connections to member-service (decision 0020): a pool per event loop, each connection opened on
 * the loop whose requests it carries. A lookup read on a loop is sent, answered and written back on that one
 * thread: no hand-off to another loop and back, and none of the pooled client's per-request machinery (a pool
 * acquire delivered as a task, a copy of the client's configuration, a chain of publishers per exchange).
 *
 * <p>HTTP/1.1 keep-alive, one request at a time per connection, most recently used first; a connection idle longer
 * than {@code maxIdleNanos} (shorter than the listener's own idle timeout) is closed rather than used. A GET on a
 * reused connection that closes before any answer (the server may close an idle connection just as it is used) is
 * sent once more on a new connection: a lookup is safe to repeat. When a loop has {@code maxPerLoop} connections
 * busy, further lookups wait for one, in order.
 *
 * <p>An answer is complete (status, headers and body, at most 1 MiB) when it is handed over; the caller owns and
 * releases its body. No answer within {@code responseTimeoutNanos} fails the lookup with {@link ReadTimeoutException}
 * and closes the connection.
 */
final class LookupUpstream implements AutoCloseable {

    /** What member-service answered. */
    record Answer(int status, HttpHeaders headers, ByteBuf body) {}

    /** Where an exchange's outcome goes: exactly one of the two is called, on the event loop. */
    interface Outcome {
        void answered(Answer answer);

        void failed(Throwable cause);
    }

    private static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("unimember.lookup.exchange");
    private static final AttributeKey<Long> IDLE_SINCE = AttributeKey.valueOf("unimember.lookup.idle-since");
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final String host;
    private final int port;
    private final String hostHeader;
    private final int connectTimeoutMillis;
    private final long responseTimeoutNanos;
    private final long maxIdleNanos;
    private final int maxPerLoop;
    private final Map<EventLoop, Pool> pools = new ConcurrentHashMap<>();

    LookupUpstream(URI base, int connectTimeoutMillis, long responseTimeoutNanos, long maxIdleNanos, int maxPerLoop) {
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
        this.hostHeader = base.getPort() > 0 ? host + ":" + port : host;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.responseTimeoutNanos = responseTimeoutNanos;
        this.maxIdleNanos = maxIdleNanos;
        this.maxPerLoop = maxPerLoop;
    }

    /**
     * Sends {@code GET uri} with {@code headers} from {@code loop}, the event loop of the client's connection, on a
     * socket of the client connection's kind ({@code socket}: epoll or NIO, as the loop). Called on that loop; from
     * another thread, the call is handed to it.
     */
    void get(
            EventLoop loop,
            Class<? extends Channel> socket,
            String uri,
            Consumer<HttpHeaders> headers,
            Outcome outcome) {
        if (!loop.inEventLoop()) {
            // a pool is touched only on its own loop
            loop.execute(() -> get(loop, socket, uri, headers, outcome));
            return;
        }
        Pool pool = pools.computeIfAbsent(loop, l -> new Pool(l, socket));
        DefaultFullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri, Unpooled.EMPTY_BUFFER);
        request.headers().set(HttpHeaderNames.HOST, hostHeader);
        headers.accept(request.headers());
        pool.send(new Exchange(pool, request, outcome));
    }

    /** Closes every idle connection (busy ones close when their loops shut down). */
    @Override
    public void close() {
        pools.values().forEach(Pool::closeIdle);
        pools.clear();
    }

    /** One loop's connections; touched only on that loop. */
    private final class Pool {

        private final EventLoop loop;
        private final Class<? extends Channel> socket;
        private final ArrayDeque<Channel> idle = new ArrayDeque<>();
        private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
        private int open;

        Pool(EventLoop loop, Class<? extends Channel> socket) {
            this.loop = loop;
            this.socket = socket;
        }

        void send(Exchange exchange) {
            Channel channel = reusable();
            if (channel != null) {
                exchange.start(channel, true);
            } else if (open < maxPerLoop) {
                connect(exchange);
            } else {
                waiting.add(exchange);
            }
        }

        private @Nullable Channel reusable() {
            long now = System.nanoTime();
            for (Channel channel; (channel = idle.pollLast()) != null; ) {
                Long since = channel.attr(IDLE_SINCE).get();
                if (channel.isActive() && since != null && now - since < maxIdleNanos) {
                    return channel;
                }
                channel.close();
            }
            return null;
        }

        private void connect(Exchange exchange) {
            open++;
            new Bootstrap()
                    .group(loop)
                    .channel(socket)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline()
                                    .addLast(
                                            new HttpClientCodec(),
                                            new HttpObjectAggregator(MAX_ANSWER_BYTES),
                                            new Answers());
                        }
                    })
                    .connect(host, port)
                    .addListener((ChannelFutureListener) done -> {
                        if (!done.isSuccess()) {
                            open--;
                            exchange.fail(done.cause());
                            next();
                            return;
                        }
                        done.channel().closeFuture().addListener(closed -> closed(done.channel()));
                        exchange.start(done.channel(), false);
                    });
        }

        /** The connection is free again: the next waiting lookup takes it, or it goes back to the idle ones. */
        void release(Channel channel) {
            Exchange next = waiting.poll();
            if (next != null) {
                next.start(channel, true);
                return;
            }
            channel.attr(IDLE_SINCE).set(System.nanoTime());
            idle.addLast(channel);
        }

        private void closed(Channel channel) {
            open--;
            idle.remove(channel);
            Exchange inFlight = channel.attr(EXCHANGE).getAndSet(null);
            if (inFlight != null) {
                inFlight.closedBeforeAnswer();
            }
            next();
        }

        /** A connection closed or could not be opened: a waiting lookup may open a new one. */
        private void next() {
            if (!waiting.isEmpty() && open < maxPerLoop) {
                connect(waiting.poll());
            }
        }

        void closeIdle() {
            try {
                loop.execute(() -> {
                    for (Channel channel; (channel = idle.poll()) != null; ) {
                        channel.close();
                    }
                });
            } catch (RejectedExecutionException e) {
                // the loop has shut down, and closed its connections with it
            }
        }
    }

    /** One lookup on its way: sent on a connection, waiting for the answer, or done. */
    private final class Exchange {

        private final Pool pool;
        private final DefaultFullHttpRequest request;
        private final Outcome outcome;
        private @Nullable Channel channel;
        private @Nullable ScheduledFuture<?> timeout;
        private boolean reused;
        private boolean done;
        /** Why the connection failed, when it did so with an exception (it is then closed). */
        @Nullable
        Throwable cause;

        Exchange(Pool pool, DefaultFullHttpRequest request, Outcome outcome) {
            this.pool = pool;
            this.request = request;
            this.outcome = outcome;
        }

        void start(Channel on, boolean reusedConnection) {
            channel = on;
            reused = reusedConnection;
            on.attr(EXCHANGE).set(this);
            timeout = on.eventLoop().schedule(this::timedOut, responseTimeoutNanos, TimeUnit.NANOSECONDS);
            // retained: a repeat on a new connection writes the same request again
            on.writeAndFlush(request.retainedDuplicate(), on.voidPromise());
        }

        void answered(Channel on, FullHttpResponse response) {
            on.attr(EXCHANGE).set(null);
            finish();
            boolean keepAlive = HttpUtil.isKeepAlive(response);
            Answer answer = new Answer(
                    response.status().code(),
                    response.headers(),
                    response.content().retain());
            if (keepAlive) {
                pool.release(on);
            } else {
                on.close();
            }
            outcome.answered(answer);
        }

        /** The connection closed (or failed) before the answer came. */
        void closedBeforeAnswer() {
            if (done) {
                return;
            }
            if (reused) {
                // the server may close an idle keep-alive connection just as it is used: once more, on a new one
                cancelTimeout();
                reused = false;
                channel = null;
                cause = null; // the old connection's failure is not the new one's
                pool.connect(this);
                return;
            }
            fail(cause != null ? cause : new IOException("member-service closed the connection before answering"));
        }

        private void timedOut() {
            Channel on = channel;
            if (done || on == null) {
                return;
            }
            on.attr(EXCHANGE).set(null);
            fail(ReadTimeoutException.INSTANCE);
            on.close();
        }

        void fail(Throwable cause) {
            if (done) {
                return;
            }
            finish();
            outcome.failed(cause);
        }

        private void finish() {
            done = true;
            cancelTimeout();
            request.release();
        }

        private void cancelTimeout() {
            ScheduledFuture<?> scheduled = timeout;
            timeout = null;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    private final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange == null) {
                ctx.close(); // an answer nobody is waiting for (after a timeout): the connection is out of step
                return;
            }
            exchange.answered(ctx.channel(), response);
        }

        /** The exchange learns why when the connection has closed (a reused one is tried once more, on a new one). */
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange != null) {
                exchange.cause = cause;
            }
            ctx.close();
        }
    }
}
