package io.unimember.points.members;

import io.unimember.common.web.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The member ids points-service knows exist (from {@code member.registered}). A member once known stays known
 * (member-service never removes an id), so known ids are remembered in memory: the intake's check costs a map lookup
 * for a member seen before and one primary-key read for the first order of another.
 */
@Component
public class KnownMembers {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final int rememberedAtMost;
    private final Set<String> remembered = ConcurrentHashMap.newKeySet();

    KnownMembers(JdbcClient jdbc, JdbcTemplate batch, KnownMemberProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.rememberedAtMost = properties.remembered();
    }

    /** Refuses an id no one registered: {@code 404 MEMBER_NOT_FOUND}; the caller has written nothing yet. */
    public void require(String memberId) {
        if (remembered.contains(memberId)) {
            return;
        }
        boolean known = jdbc.sql("SELECT 1 FROM known_member WHERE member_id = ?")
                .param(memberId)
                .query(Integer.class)
                .optional()
                .isPresent();
        if (!known) {
            throw ApiException.notFound(
                    "MEMBER_NOT_FOUND",
                    "no member " + memberId + " (a member registered in the last seconds may not be known yet: retry)");
        }
        remember(memberId);
    }

    /** Records registrations, once each however often the event is delivered. */
    void registerAll(Map<String, Instant> registrations) {
        if (registrations.isEmpty()) {
            return;
        }
        List<Object[]> rows = registrations.entrySet().stream()
                .map(r -> new Object[] {r.getKey(), Timestamp.from(r.getValue())})
                .toList();
        batch.batchUpdate(
                "INSERT INTO known_member (member_id, registered_at) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE member_id = member_id",
                rows);
    }

    private void remember(String memberId) {
        if (remembered.size() >= rememberedAtMost) {
            remembered.clear();
        }
        remembered.add(memberId);
    }
}
