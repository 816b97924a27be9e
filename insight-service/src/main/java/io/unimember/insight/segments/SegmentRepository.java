package io.unimember.insight.segments;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The segment definitions. */
@Repository
class SegmentRepository {

    private static final RowMapper<SegmentView> VIEW = (rs, n) -> new SegmentView(
            rs.getString("segment_id"),
            rs.getString("name"),
            rs.getString("expression"),
            0,
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"));

    private final JdbcClient jdbc;

    SegmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(SegmentView s) {
        return jdbc.sql("INSERT IGNORE INTO segment (segment_id, name, expression, created_at, created_by)"
                                + " VALUES (?, ?, ?, ?, ?)")
                        .params(s.segmentId(), s.name(), s.expression(), Timestamp.from(s.createdAt()), s.createdBy())
                        .update()
                == 1;
    }

    Optional<SegmentView> find(String segmentId) {
        return jdbc.sql("SELECT * FROM segment WHERE segment_id = ?")
                .param(segmentId)
                .query(VIEW)
                .optional();
    }

    List<SegmentView> page(String after, int limit) {
        return jdbc.sql("SELECT * FROM segment WHERE segment_id > ? ORDER BY segment_id LIMIT ?")
                .params(after, limit)
                .query(VIEW)
                .list();
    }

    List<SegmentView> all() {
        return jdbc.sql("SELECT * FROM segment ORDER BY segment_id").query(VIEW).list();
    }
}
