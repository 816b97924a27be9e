package io.unimember.common.entitlements;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * How member-service keeps entitlement views in Redis, and what a reader must check before it believes one (decision
 * 0024). member-service is the only writer; the gateway reads them to answer lookups without a hop.
 *
 * <p>Keys live under a namespace ({@link #DEFAULT_NAMESPACE} unless {@value #NAMESPACE_PROPERTY} says otherwise, the
 * same in member-service and the gateway; tests give each run its own). A member's view is the string at {@link #key}: {@code R|<rowVersion>|<StoredView JSON>}, or {@code P|<rowVersion>}
 * while a change to that version is committing (read MySQL, through member-service). Every write is a compare-and-set
 * on the version, so an older writer never replaces a newer value.
 *
 * <p>Beside the views, the hash at {@link #meta} says what a reader needs to answer: the scenes (BU codes), what a
 * point is worth, and one <em>lease</em> per member-service instance ({@code lease:<instance>} = the Redis time in
 * milliseconds until which that instance promises that every change it commits reaches Redis first). An instance
 * renews its lease only while it can write Redis; when a write fails it stops renewing and, before it commits the
 * change Redis missed, waits until its lease has run out. A reader that believes views only while every lease in the
 * hash is running ({@link Meta#trustedForMillis}) therefore never serves a view older than a committed change. The
 * format's version is part of both key names: a reader of another version finds nothing and asks member-service.
 */
public record CachedViews(String namespace) {

    /** The format of the values and the hash; part of their keys. */
    public static final int FORMAT = 1;

    /** The Spring property both sides read the namespace from. */
    public static final String NAMESPACE_PROPERTY = "unimember.entitlement-cache.namespace";

    public static final String DEFAULT_NAMESPACE = "member:view:" + FORMAT;

    static final String LEASE_PREFIX = "lease:";
    static final String SCENES = "scenes";
    static final String FEN_PER_POINT = "fenPerPoint";

    /**
     * member-service's write: {@code ARGV} kind ({@code R} or {@code P}), version, ttl in ms, JSON. Writes unless the
     * key holds a newer version (or the same one, done); returns 1 if it wrote.
     */
    public static final String SET_IF_NEWER_SCRIPT =
            """
            local current = redis.call('GET', KEYS[1])
            local version = tonumber(ARGV[2])
            if current then
              local kind, held = string.match(current, '^(%a)|(%d+)')
              held = tonumber(held)
              if held then
                if held > version then return 0 end
                if held == version and (kind == 'R' or ARGV[1] == 'P') then return 0 end
              end
            end
            if ARGV[1] == 'R' then
              redis.call('SET', KEYS[1], 'R|' .. ARGV[2] .. '|' .. ARGV[4], 'PX', ARGV[3])
            else
              redis.call('SET', KEYS[1], 'P|' .. ARGV[2], 'PX', ARGV[3])
            end
            return 1
            """;

    /**
     * Returns {@code [redis time in ms, field, value, field, value, ...]} of the hash in {@code KEYS[1]}: the leases
     * are compared with Redis' own clock, so no reader's or writer's clock matters.
     */
    public static final String READ_META_SCRIPT =
            """
            local t = redis.call('TIME')
            local all = redis.call('HGETALL', KEYS[1])
            table.insert(all, 1, tostring(tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)))
            return all
            """;

    /**
     * Renews the lease of instance {@code ARGV[1]} for {@code ARGV[2]} ms and sets the scenes ({@code ARGV[3]}) and
     * point value ({@code ARGV[4]}); forgets leases that ran out more than {@code ARGV[5]} ms ago (an instance that
     * died without saying goodbye); the hash itself goes when no one renewed for that long. Returns the Redis time in ms, or -1 without a change when that time is past
     * {@code ARGV[6]} (0: no limit), so a renewal delayed on its way cannot extend a lease its sender gave up on.
     */
    public static final String RENEW_LEASE_SCRIPT =
            """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            if tonumber(ARGV[6]) > 0 and now > tonumber(ARGV[6]) then return -1 end
            local all = redis.call('HGETALL', KEYS[1])
            for i = 1, #all, 2 do
              if string.sub(all[i], 1, 6) == 'lease:' and all[i] ~= 'lease:' .. ARGV[1]
                  and tonumber(all[i + 1]) < now - tonumber(ARGV[5]) then
                redis.call('HDEL', KEYS[1], all[i])
              end
            end
            redis.call('HSET', KEYS[1], 'lease:' .. ARGV[1], tostring(now + tonumber(ARGV[2])),
                'scenes', ARGV[3], 'fenPerPoint', ARGV[4])
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[5]) + tonumber(ARGV[2]))
            return now
            """;

    /** The hash of scenes, point value and writers' leases. */
    public String meta() {
        return namespace;
    }

    /** Where a member's view is kept. */
    public String key(String memberId) {
        return namespace + ":" + memberId;
    }

    /** The lease field of one member-service instance. */
    public static String leaseField(String instance) {
        return LEASE_PREFIX + instance;
    }

    /** The value of a member's view at a row version. */
    public static String view(long version, String json) {
        return "R|" + version + "|" + json;
    }

    /** The value that says a change to this version is committing. */
    public static String pending(long version) {
        return "P|" + version;
    }

    /** The arguments of {@link #RENEW_LEASE_SCRIPT}. */
    public static List<String> renewArguments(
            String instance,
            long leaseMillis,
            Set<String> scenes,
            long fenPerPoint,
            long forgetAfterMillis,
            long notAfterRedisMillis) {
        return List.of(
                instance,
                Long.toString(leaseMillis),
                String.join(",", scenes.stream().sorted().toList()),
                Long.toString(fenPerPoint),
                Long.toString(forgetAfterMillis),
                Long.toString(notAfterRedisMillis));
    }

    /** What a key holds. */
    public sealed interface Value {

        /** A view to believe (when the leases run). */
        record View(long version, String json) implements Value {}

        /** A change is committing, or nothing is cached: ask member-service. */
        record Absent() implements Value {}
    }

    /** The value read at a key (null: none). */
    public static Value parse(@Nullable String value) {
        if (value == null || !value.startsWith("R|")) {
            return new Value.Absent();
        }
        int bar = value.indexOf('|', 2);
        if (bar < 0) {
            return new Value.Absent();
        }
        try {
            return new Value.View(Long.parseLong(value, 2, bar, 10), value.substring(bar + 1));
        } catch (NumberFormatException e) {
            return new Value.Absent();
        }
    }

    /**
     * The hash as a reader needs it.
     *
     * @param trustedForMillis how long, from the moment {@link #READ_META_SCRIPT} was sent, every lease still runs
     *     (0: some writer's has run out, or there is none: believe no view)
     */
    public record Meta(Set<String> scenes, long fenPerPoint, long trustedForMillis) {

        /** Reads {@link #READ_META_SCRIPT}'s answer. */
        public static Meta of(List<?> answer) {
            if (answer.isEmpty()) {
                return new Meta(Set.of(), 1, 0);
            }
            long now = Long.parseLong(text(answer.getFirst()));
            Map<String, String> fields = new java.util.HashMap<>();
            for (int i = 1; i + 1 < answer.size(); i += 2) {
                fields.put(text(answer.get(i)), text(answer.get(i + 1)));
            }
            long leastLeft = Long.MAX_VALUE;
            boolean anyLease = false;
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (field.getKey().startsWith(LEASE_PREFIX)) {
                    anyLease = true;
                    leastLeft = Math.min(leastLeft, parseOr(field.getValue(), 0) - now);
                }
            }
            String scenes = fields.getOrDefault(SCENES, "");
            return new Meta(
                    scenes.isEmpty() ? Set.of() : Set.copyOf(new ArrayList<>(Arrays.asList(scenes.split(",")))),
                    parseOr(fields.getOrDefault(FEN_PER_POINT, "1"), 1),
                    anyLease ? Math.max(0, leastLeft) : 0);
        }

        /** The same, in nanoseconds. */
        public long trustedForNanos() {
            return TimeUnit.MILLISECONDS.toNanos(trustedForMillis);
        }

        private static String text(Object value) {
            return value instanceof byte[] bytes
                    ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : String.valueOf(value);
        }

        private static long parseOr(String value, long otherwise) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
    }
}
