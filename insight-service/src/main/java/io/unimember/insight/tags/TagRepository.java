package io.unimember.insight.tags;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tag definitions and members' manual tags. */
@Repository
class TagRepository {

    private static final RowMapper<TagView> VIEW = (rs, n) -> new TagView(
            rs.getString("name"),
            TagKind.valueOf(rs.getString("kind")),
            rs.getString("expression"),
            rs.getString("description"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getString("updated_by"));

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a tag of that name exists. */
    boolean insert(TagView tag) {
        return jdbc.sql(
                                "INSERT IGNORE INTO tag (name, kind, expression, description, created_at, updated_at, updated_by)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(tag.name(), tag.kind().name())
                        .param(tag.expression()) // both may be NULL; params(Object...) takes no nulls
                        .param(tag.description())
                        .params(Timestamp.from(tag.createdAt()), Timestamp.from(tag.updatedAt()), tag.updatedBy())
                        .update()
                == 1;
    }

    void update(String name, @Nullable String expression, @Nullable String description, Instant at, String by) {
        jdbc.sql("UPDATE tag SET expression = ?, description = ?, updated_at = ?, updated_by = ? WHERE name = ?")
                .param(expression) // both may be NULL; params(Object...) takes no nulls
                .param(description)
                .params(Timestamp.from(at), by, name)
                .update();
    }

    Optional<TagView> find(String name) {
        return jdbc.sql("SELECT * FROM tag WHERE name = ?")
                .param(name)
                .query(VIEW)
                .optional();
    }

    List<TagView> page(String after, int limit) {
        return jdbc.sql("SELECT * FROM tag WHERE name > ? ORDER BY name LIMIT ?")
                .params(after, limit)
                .query(VIEW)
                .list();
    }

    List<TagView> rules() {
        return jdbc.sql("SELECT * FROM tag WHERE kind = 'RULE' ORDER BY name")
                .query(VIEW)
                .list();
    }

    boolean tagMember(String memberId, String tag, Instant at, String by) {
        return jdbc.sql("INSERT IGNORE INTO member_tag (member_id, tag, tagged_at, tagged_by) VALUES (?, ?, ?, ?)")
                        .params(memberId, tag, Timestamp.from(at), by)
                        .update()
                == 1;
    }

    boolean untagMember(String memberId, String tag) {
        return jdbc.sql("DELETE FROM member_tag WHERE member_id = ? AND tag = ?")
                        .params(memberId, tag)
                        .update()
                == 1;
    }

    List<String> manualTags(String memberId) {
        return jdbc.sql("SELECT tag FROM member_tag WHERE member_id = ? ORDER BY tag")
                .param(memberId)
                .query((rs, n) -> rs.getString(1)) // tag is NOT NULL
                .list();
    }
}
