package io.unimember.member.entitlements;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the entitlement lookup's common case — a GET of {@code /api/v1/members/me/entitlements} with a valid member
 * token and valid parameters — before Spring Security's filter chain and Spring MVC, which a profile showed to be
 * nearly all of the lookup's cost. It answers only when the chain would answer 200 with the same body: the token is
 * checked by the same {@link JwtDecoder} (signature, issuer, audience, expiry, retired keys, revoked tokens), the
 * same rule applies (scope {@code member}, a {@code member_id}), the view comes from the same {@link Entitlements},
 * written by the same JSON mapper with the headers Spring Security adds. Anything else — no or another token, a
 * parameter it does not know, an unknown scene, a failure — goes on down the chain unchanged, which answers it as
 * before (401, 403, 400, 503 problems). The request stays observed ({@code http.server.requests}, traces): this runs
 * after the observation filter.
 */
final class LeanLookupFilter extends HttpFilter {

    static final String PATH = "/api/v1/members/me/entitlements";

    private final JwtDecoder tokens;
    private final Entitlements entitlements;
    private final JsonMapper json;

    LeanLookupFilter(JwtDecoder tokens, Entitlements entitlements, JsonMapper json) {
        this.tokens = tokens;
        this.entitlements = entitlements;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        byte[] body = "GET".equals(request.getMethod()) && PATH.equals(request.getRequestURI()) && !request.isSecure()
                ? answer(request)
                : null;
        if (body == null) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
        response.setStatus(HttpServletResponse.SC_OK);
        LookupCaller.SECURITY_HEADERS.forEach(header -> response.setHeader(header.getKey(), header.getValue()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The view as JSON, or null when the chain must decide. */
    private byte @Nullable [] answer(HttpServletRequest request) {
        LookupQuery query = LookupQuery.parse(request.getQueryString());
        String memberId =
                query == null ? null : LookupCaller.member(tokens, request.getHeader(HttpHeaders.AUTHORIZATION));
        if (query == null || memberId == null) {
            return null;
        }
        try {
            return json.writeValueAsBytes(entitlements.lookup(memberId, query.scene(), query.amountFen()));
        } catch (RuntimeException e) {
            // an unknown scene, or the view could not be read: the chain runs it again and answers with a problem
            return null;
        }
    }
}
