package io.unimember.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a limit before anything reads them: no API here takes more than a few KiB, and a
 * huge body is either a mistake or an attack. (Bodies sent chunked, without a length, are bounded by the
 * server's own limits; the gateway in front sets a length.)
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"" + Problems.TYPE_BASE + "payload-too-large\",\"title\":\"Content Too Large\","
                            + "\"status\":413,\"detail\":\"the request body exceeds " + maxBytes + " bytes\","
                            + "\"code\":\"PAYLOAD_TOO_LARGE\",\"traceId\":\"" + Problems.traceId() + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
