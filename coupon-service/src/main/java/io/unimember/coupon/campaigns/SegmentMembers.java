package io.unimember.coupon.campaigns;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projection of insight-service's segment memberships ({@code segment.members.v1}): one row per (segment,
 * member) while the member is in. A record is the whole truth for its key (compacted topic), so applying one again
 * changes nothing: no inbox.
 */
@Repository
class SegmentMembers {

    private final JdbcClient jdbc;

    SegmentMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void join(String segmentId, String memberId, String since) {
        jdbc.sql("INSERT INTO campaign_segment_member (segment_id, member_id, since) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE since = VALUES(since)")
                .params(segmentId, memberId, since)
                .update();
    }

    void leave(String segmentId, String memberId) {
        jdbc.sql("DELETE FROM campaign_segment_member WHERE segment_id = ? AND member_id = ?")
                .params(segmentId, memberId)
                .update();
    }

    /** The (segment, member) pairs among these segments and members, in one statement. */
    Set<List<String>> pairsOf(Collection<String> segmentIds, Collection<String> memberIds) {
        Set<List<String>> pairs = new HashSet<>();
        if (segmentIds.isEmpty() || memberIds.isEmpty()) {
            return pairs;
        }
        jdbc.sql("SELECT segment_id, member_id FROM campaign_segment_member"
                        + " WHERE segment_id IN (:segments) AND member_id IN (:members)")
                .param("segments", List.copyOf(new HashSet<>(segmentIds)))
                .param("members", List.copyOf(new HashSet<>(memberIds)))
                .query(rs -> {
                    pairs.add(List.of(rs.getString(1), rs.getString(2)));
                });
        return pairs;
    }
}
