package io.unimember.common.risk;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy in force, as member-service published it to Redis ({@link #KEY}); every service holds a copy, re-read
 * every {@code unimember.risk.policy-refresh}, so a decision reads no rule over the network. Until the first read,
 * and while Redis cannot be read, it holds the last copy it had ({@link RiskPolicy#NONE} at first).
 */
public class RiskPolicies {

    private static final Logger log = LoggerFactory.getLogger(RiskPolicies.class);

    private final StringRedisTemplate redis;
    private final JsonMapper mapper;
    private final String key;
    private volatile RiskPolicy current = RiskPolicy.NONE;
    private volatile @Nullable String lastJson;

    public RiskPolicies(StringRedisTemplate redis, JsonMapper mapper, String namespace) {
        this.redis = redis;
        this.mapper = mapper;
        this.key = namespace + "policy";
    }

    public RiskPolicy current() {
        return current;
    }

    /** Re-reads the published policy; keeps the copy it has when Redis fails or holds none. */
    public void refresh() {
        try {
            String json = redis.opsForValue().get(key);
            if (json == null || json.equals(lastJson)) {
                return;
            }
            RiskPolicy read = mapper.readValue(json, RiskPolicy.class);
            current = read;
            lastJson = json;
            log.info(
                    "risk policy version {} in force: {} rules",
                    read.version(),
                    read.rules().size());
        } catch (RuntimeException e) {
            log.warn("risk policy not re-read, version {} stays: {}", current.version(), e.toString());
        }
    }

    /** Publishes {@code policy} for every service (member-service, after each change) and holds it at once. */
    public void publish(RiskPolicy policy) {
        String json = mapper.writeValueAsString(policy);
        redis.opsForValue().set(key, json);
        current = policy;
        lastJson = json;
    }
}
