package io.unimember.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Drives GET requests over keep-alive HTTP/1.1 connections, all on one Netty event loop thread so the generator
 * takes as little of the shared CPU as it can.
 *
 * <p>{@link #fixedRate} is an open model: request i is <em>due</em> at start + i/rate whether or not earlier ones
 * came back, and its latency is measured from when it was due, so a stall shows up as latency (no coordinated
 * omission). {@link #maxThroughput} is a closed model: each connection sends its next request as soon as the last
 * one answered, which finds the ceiling.
 */
final class LoadGenerator implements AutoCloseable {

    /** One request to send: path and bearer token, and for a POST its JSON body; {@code ok} is the status wanted. */
    record Call(String path, String token, @Nullable String jsonBody, int ok) {

        Call(String path, String token) {
            this(path, token, null, 200);
        }
    }

    record Outcome(
            Histogram latencyMicros, long ok, long errors, long sent, double seconds, Map<Integer, Long> statuses) {

        double achievedRate() {
            return ok / seconds;
        }

        /** The achieved rate and the latency columns of a results table: "rate | p50 | p99 | p99.9 | max" (ms). */
        String rateAndLatencies() {
            return String.format(
                    Locale.ROOT,
                    "%.0f | %.2f | %.2f | %.2f | %.2f",
                    achievedRate(),
                    latencyMicros.getValueAtPercentile(50) / 1000.0,
                    latencyMicros.getValueAtPercentile(99) / 1000.0,
                    latencyMicros.getValueAtPercentile(99.9) / 1000.0,
                    latencyMicros.getMaxValue() / 1000.0);
        }
    }

    private static final long MIN_TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    /** epoll where there is one (fewer system calls per request than Java NIO's selector), else NIO. */
    private static final boolean EPOLL = Epoll.isAvailable();

    private final EventLoopGroup group =
            new MultiThreadIoEventLoopGroup(1, EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    private final URI base;

    LoadGenerator(URI base) {
        this.base = base;
    }

    Outcome fixedRate(int rate, int seconds, int connections, IntFunction<Call> calls) throws InterruptedException {
        Run run = new Run(connections, calls, false);
        run.connect();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        var loop = group.next();
        // A thread of its own sleeps until the next request is due and hands the due ones to the event loop. (A
        // task scheduled on the loop every 200 µs made Java NIO's selector poll without sleeping, sub-millisecond
        // timeouts being rounded to "now": the generator then burned a whole core at any rate, 1 ms of CPU per
        // request at 1,000/s, taken from the platform it measures.)
        Thread pacer = Thread.ofPlatform().daemon().name("load-pacer").start(() -> {
            long handed = 0;
            while (handed < total && !Thread.currentThread().isInterrupted()) {
                long due = Math.min(total, (System.nanoTime() - start) / interval + 1);
                if (due > handed) {
                    long from = handed;
                    long to = due;
                    loop.execute(() -> {
                        for (long i = from; i < to; i++) {
                            run.submit(start + i * interval);
                        }
                        run.scheduled = to;
                    });
                    handed = due;
                }
                // at most one hand-off per 0.5 ms: above 2,000/s the due requests go in small batches (each one's
                // latency still counts from when it was due, so a late send shows as latency)
                LockSupport.parkNanos(Math.max(MIN_TICK_NANOS, start + handed * interval - System.nanoTime()));
            }
        });
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        awaitDrain(run, total, 5_000);
        pacer.interrupt();
        pacer.join();
        return run.finish(start);
    }

    Outcome maxThroughput(int seconds, int connections, IntFunction<Call> calls) throws InterruptedException {
        Run run = new Run(connections, calls, true);
        run.connect();
        long start = System.nanoTime();
        group.next().execute(() -> {
            for (int i = 0; i < connections; i++) {
                run.submit(System.nanoTime());
            }
        });
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        run.stopped = true;
        Thread.sleep(500);
        return run.finish(start);
    }

    private static void awaitDrain(Run run, long total, long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        while (run.ok + run.errors < total && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The state of one run; touched only on the event loop thread. */
    private final class Run {

        private final int connections;
        private final IntFunction<Call> calls;
        private final boolean closed;
        private final List<Channel> channels = new ArrayList<>();
        private final ArrayDeque<Channel> idle = new ArrayDeque<>();
        private final ArrayDeque<Long> waiting = new ArrayDeque<>();
        private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        /** Responses by status, the wanted one included. */
        private final Map<Integer, Long> failures = new TreeMap<>();

        volatile long ok;
        volatile long errors;
        long sent;
        long scheduled;
        volatile boolean stopped;

        Run(int connections, IntFunction<Call> calls, boolean closed) {
            this.connections = connections;
            this.calls = calls;
            this.closed = closed;
        }

        void connect() throws InterruptedException {
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(EPOLL ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            // requests are written as bytes (send); only answers are decoded
                            ch.pipeline().addLast(new HttpResponseDecoder(), new Responses());
                        }
                    });
            int port = base.getPort() > 0 ? base.getPort() : 80;
            for (int i = 0; i < connections; i++) {
                Channel channel = bootstrap.connect(base.getHost(), port).sync().channel();
                channels.add(channel);
            }
            group.next().submit(() -> idle.addAll(channels)).sync();
        }

        /** Sends a request due at {@code dueNanos} now, or queues it until a connection is free. */
        void submit(long dueNanos) {
            Channel channel = idle.poll();
            if (channel == null) {
                waiting.add(dueNanos);
                return;
            }
            send(channel, dueNanos);
        }

        private void send(Channel channel, long dueNanos) {
            Call call = calls.apply((int) (sent++ & Integer.MAX_VALUE));
            byte[] body = call.jsonBody() == null ? null : call.jsonBody().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(512)
                    .append(body == null ? "GET " : "POST ")
                    .append(call.path())
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(base.getHost())
                    .append("\r\nAuthorization: Bearer ")
                    .append(call.token())
                    .append("\r\nAccept: application/json\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ")
                        .append(body.length)
                        .append("\r\n");
            }
            head.append("\r\n");
            ByteBuf request = channel.alloc().buffer(head.length() + (body == null ? 0 : body.length));
            request.writeCharSequence(head, StandardCharsets.UTF_8);
            if (body != null) {
                request.writeBytes(body);
            }
            channel.attr(Responses.DUE).set(dueNanos);
            channel.attr(Responses.WANTED).set(call.ok());
            channel.writeAndFlush(request, channel.voidPromise());
        }

        private void completed(Channel channel, boolean success) {
            long due = channel.attr(Responses.DUE).get();
            histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), (System.nanoTime() - due) / 1000));
            if (success) {
                ok++;
            } else {
                errors++;
            }
            if (closed) {
                if (!stopped) {
                    send(channel, System.nanoTime());
                }
                return;
            }
            Long next = waiting.poll();
            if (next != null) {
                send(channel, next);
            } else {
                idle.add(channel);
            }
        }

        Outcome finish(long start) {
            double seconds = (System.nanoTime() - start) / 1e9;
            channels.forEach(Channel::close);
            long unanswered = closed ? 0 : Math.max(0, scheduled - ok - errors);
            return new Outcome(histogram.copy(), ok, errors + unanswered, sent, seconds, Map.copyOf(failures));
        }

        /** Reads each answer's status, and counts it done at its last content (its body is not kept). */
        private final class Responses extends SimpleChannelInboundHandler<HttpObject> {

            static final io.netty.util.AttributeKey<Long> DUE = io.netty.util.AttributeKey.valueOf("due");
            static final io.netty.util.AttributeKey<Integer> WANTED = io.netty.util.AttributeKey.valueOf("wanted");

            private int status;

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
                if (message instanceof HttpResponse response) {
                    status = response.status().code();
                }
                if (message instanceof LastHttpContent) {
                    failures.merge(status, 1L, Long::sum);
                    completed(
                            ctx.channel(), status == ctx.channel().attr(WANTED).get());
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors++;
                ctx.close();
            }
        }
    }
}
