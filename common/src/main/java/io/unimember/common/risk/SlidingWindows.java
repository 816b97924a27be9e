package io.unimember.common.risk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Exact sliding-window counts in Redis, one sorted set per counted key (element → time): a request records itself
 * and reads every count its rules need in one script, so a decision costs one round trip. A key keeps its elements
 * only as long as the longest window that reads it, and expires with the last of them.
 */
public class SlidingWindows {

    /** Adds {@code element} at {@code key}, kept for {@code retention}: a unique id counts events, a member id people. */
    public record Entry(String key, String element, Duration retention) {}

    /** How many elements {@code key} got in the last {@code window}. */
    public record Query(String key, Duration window) {}

    // KEYS: the entries' keys, then the queries' keys. ARGV: now (ms), number of entries, each entry's retention (ms)
    // and element, then each query's window (ms). Answers the queries' counts in order.
    private static final RedisScript<List> SCRIPT = RedisScript.of(
            """
            local now = tonumber(ARGV[1])
            local entries = tonumber(ARGV[2])
            local a = 3
            for i = 1, entries do
              local retention = tonumber(ARGV[a])
              redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - retention)
              redis.call('ZADD', KEYS[i], now, ARGV[a + 1])
              redis.call('PEXPIRE', KEYS[i], retention)
              a = a + 2
            end
            local counts = {}
            for q = entries + 1, #KEYS do
              counts[#counts + 1] = redis.call('ZCOUNT', KEYS[q], '(' .. (now - tonumber(ARGV[a])), '+inf')
              a = a + 1
            end
            return counts
            """,
            List.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    public SlidingWindows(StringRedisTemplate redis, String namespace) {
        this.redis = redis;
        this.prefix = namespace + "count:";
    }

    /** The key a count of {@code counter} per {@code dimension} is kept under. */
    public String key(Counter counter, Dimension dimension, String value) {
        return prefix + counter.name().toLowerCase(java.util.Locale.ROOT) + ":"
                + dimension.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }

    /** Records the entries, then counts the queries (the entries included): one round trip, atomic. */
    public List<Long> recordAndCount(long nowMillis, List<Entry> entries, List<Query> queries) {
        if (entries.isEmpty() && queries.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(entries.size() + queries.size());
        List<String> args = new ArrayList<>(2 + 2 * entries.size() + queries.size());
        args.add(Long.toString(nowMillis));
        args.add(Integer.toString(entries.size()));
        for (Entry entry : entries) {
            keys.add(entry.key());
            args.add(Long.toString(entry.retention().toMillis()));
            args.add(entry.element());
        }
        for (Query query : queries) {
            keys.add(query.key());
            args.add(Long.toString(query.window().toMillis()));
        }
        List<?> counts = redis.execute(SCRIPT, keys, args.toArray());
        List<Long> answered = new ArrayList<>(queries.size());
        if (counts != null) {
            for (Object count : counts) {
                answered.add(((Number) count).longValue());
            }
        }
        if (answered.size() != queries.size()) {
            throw new IllegalStateException("risk counts: " + answered.size() + " answers to " + queries.size());
        }
        return answered;
    }
}
