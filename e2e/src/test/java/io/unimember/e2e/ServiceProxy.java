package io.unimember.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Kubernetes Service is to the gateway, on loopback: one address in front of several instances of an app,
 * each new TCP connection going to the next instance in turn (an instance that refuses, because it is stopped, is
 * skipped, as an endpoint that failed readiness would be). Balances connections, not requests, like kube-proxy.
 */
final class ServiceProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, AtomicInteger> connections = new ConcurrentHashMap<>();

    ServiceProxy(List<Integer> backendPorts) {
        this.backends = List.copyOf(backendPorts);
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("service-proxy-" + server.getLocalPort()).start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections opened to each instance's port so far. */
    Map<Integer, Integer> connections() {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        connections.forEach((port, n) -> counts.put(port, n.get()));
        return counts;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = connect();
                if (upstream == null) {
                    client.close();
                    continue;
                }
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private Socket connect() {
        for (int i = 0; i < backends.size(); i++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            try {
                Socket socket = new Socket("127.0.0.1", port);
                connections.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
                return socket;
            } catch (IOException refused) {
                // that instance is down: the next one
            }
        }
        return null;
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
