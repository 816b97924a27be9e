package io.unimember.common.risk;

import io.unimember.common.web.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The members who earn, spend and claim nothing: frozen by an operator, or registered under review. member-service
 * keeps the record and the Redis set ({@code <namespace>frozen}, with a version bumped on each change); every service holds a
 * copy, re-read when the version moves, so the check on an order or a claim is a lookup in memory.
 */
public class FrozenMembers {

    private static final Logger log = LoggerFactory.getLogger(FrozenMembers.class);

    private final StringRedisTemplate redis;
    private final String key;
    private final String versionKey;
    private volatile Set<String> frozen = Set.of();
    private volatile @Nullable String version;

    public FrozenMembers(StringRedisTemplate redis, String namespace) {
        this.redis = redis;
        this.key = namespace + "frozen";
        this.versionKey = namespace + "frozen:version";
    }

    public boolean isFrozen(String memberId) {
        return frozen.contains(memberId);
    }

    /** Throws {@code 403 MEMBER_FROZEN} when the member is frozen. */
    public void requireNotFrozen(String memberId) {
        if (isFrozen(memberId)) {
            throw frozenProblem();
        }
    }

    public static ApiException frozenProblem() {
        return ApiException.forbidden("MEMBER_FROZEN", "this member is frozen and can earn, spend or claim nothing");
    }

    /** Re-reads the set when its version moved; keeps the copy it has when Redis fails. */
    public void refresh() {
        try {
            String now = redis.opsForValue().get(versionKey);
            if (now != null && now.equals(version)) {
                return;
            }
            Set<String> members = redis.opsForSet().members(key);
            frozen = members == null ? Set.of() : Set.copyOf(members);
            version = now;
        } catch (RuntimeException e) {
            log.warn("frozen members not re-read, {} stay frozen: {}", frozen.size(), e.toString());
        }
    }

    /** member-service: adds members to the set (and this copy at once). */
    public void add(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        redis.opsForSet().add(key, memberIds.toArray(String[]::new));
        redis.opsForValue().increment(versionKey);
        version = null;
        refresh();
    }

    /** member-service: takes members out of the set (and this copy at once). */
    public void remove(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        redis.opsForSet().remove(key, (Object[]) memberIds.toArray(String[]::new));
        redis.opsForValue().increment(versionKey);
        version = null;
        refresh();
    }

    /** member-service: makes the Redis set exactly {@code memberIds} (the record), changing only what differs. */
    public void replaceAll(Set<String> memberIds) {
        Set<String> inRedis = redis.opsForSet().members(key);
        Set<String> have = inRedis == null ? Set.of() : inRedis;
        List<String> missing = memberIds.stream().filter(m -> !have.contains(m)).toList();
        List<String> extra = have.stream().filter(m -> !memberIds.contains(m)).toList();
        if (!missing.isEmpty()) {
            add(missing);
        }
        if (!extra.isEmpty()) {
            remove(extra);
        }
    }
}
