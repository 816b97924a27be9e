package io.unimember.member.tokens;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/** The form parameters of a token request; RFC 6749 forbids repeating one, and none of ours is long. */
record TokenRequest(Map<String, String> parameters) {

    private static final int MAX_VALUE_LENGTH = 512;

    static TokenRequest from(MultiValueMap<String, String> form) {
        Map<String, String> single = new java.util.HashMap<>();
        form.forEach((name, values) -> {
            if (values.size() != 1) {
                throw OAuthException.invalidRequest("parameter " + safe(name) + " must appear once");
            }
            String value = values.getFirst();
            if (value != null && value.length() > MAX_VALUE_LENGTH) {
                throw OAuthException.invalidRequest("parameter " + safe(name) + " is too long");
            }
            if (value != null && !value.isEmpty()) {
                single.put(name, value);
            }
        });
        return new TokenRequest(Map.copyOf(single));
    }

    @Nullable
    String get(String name) {
        return parameters.get(name);
    }

    String require(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw OAuthException.invalidRequest("parameter " + name + " is required");
        }
        return value;
    }

    /** The requested scopes, or null when the request asks for the default. */
    @Nullable
    List<String> scopes() {
        String scope = parameters.get("scope");
        return scope == null ? null : List.of(scope.trim().split(" +"));
    }

    private static String safe(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "..." : name;
    }
}
