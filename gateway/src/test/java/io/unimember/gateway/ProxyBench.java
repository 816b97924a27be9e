package io.unimember.gateway;

import io.unimember.testsupport.TestJwks;
import io.unimember.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for the services when measuring the gateway alone: a reactor-netty server answering every path with
 * an entitlement-sized JSON body at once, test-support's JWK set, and a file of member tokens for wrk. Not a test.
 *
 * <pre>
 * java -cp target/test-classes:$(cat cp.txt) io.unimember.gateway.ProxyBench 18081 10000 /tmp/tokens.txt
 * java -jar target/gateway.jar --unimember.services.member=http://127.0.0.1:18081 \
 *     --unimember.security.issuer=http://unimember.test --unimember.security.jwks-uri=(printed)
 * wrk -t2 -c32 -d20s -s tokens.lua http://127.0.0.1:8080/api/v1/members/me/entitlements
 * </pre>
 */
public final class ProxyBench {

    private ProxyBench() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int members = Integer.parseInt(args[1]);
        Path tokens = Path.of(args[2]);
        List<String> lines = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            lines.add(TestTokens.builder()
                    .subject("m-" + UUID.randomUUID())
                    .scope("member")
                    .lifetime(Duration.ofHours(8))
                    .build());
        }
        Files.write(tokens, lines);
        byte[] body = ("{\"memberId\":\"m\",\"scene\":\"ENTERTAINMENT\",\"tier\":{\"code\":\"GOLD\",\"name\":\"gold\","
                        + "\"growth\":2350,\"nextTier\":\"PLATINUM\",\"growthToNext\":5650},\"points\":{\"available\":1520,"
                        + "\"frozen\":0,\"redeemableFen\":1520,\"expiring\":[{\"points\":300,\"expiresAt\":"
                        + "\"2027-01-01T00:00:00Z\"}]},\"coupons\":[{\"couponId\":\"c1\",\"name\":\"15 off\","
                        + "\"discountFen\":1500,\"usable\":true,\"expiresAt\":\"2027-01-01T00:00:00Z\"}],"
                        + "\"benefits\":[{\"code\":\"POINTS_MULTIPLIER\",\"value\":\"1.2\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) ->
                        response.header("Content-Type", "application/json").sendByteArray(Mono.just(body)))
                .bindNow();
        System.out.println("jwks " + TestJwks.uri());
        System.out.println("stub http://127.0.0.1:" + server.port() + " tokens " + tokens);
        server.onDispose().block();
    }
}
