package io.unimember.common.security;

import io.unimember.common.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the signing keys cannot be fetched, a token can be neither accepted nor refused: that is our outage, so the
 * caller gets a 503 problem to retry, not a 500 and not a 401 that would make it throw a good token away.
 */
final class KeysUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(KeysUnavailableFilter.class);

    private final JsonMapper mapper;

    KeysUnavailableFilter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AuthenticationServiceException e) {
            log.warn("cannot check tokens now: {}", e.getMessage());
            if (response.isCommitted()) {
                throw e;
            }
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            mapper.writeValue(
                    response.getOutputStream(),
                    Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "SERVICE_UNAVAILABLE",
                            "tokens cannot be checked right now; retry shortly"));
        }
    }
}
