package io.unimember.insight.tags;

import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.insight.audit.AuditTrail;
import io.unimember.insight.expressions.Expressions;
import io.unimember.insight.expressions.InvalidExpressionException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes tags (each change audited) and keeps the stream's {@link TagCatalog} in step: at once on this
 * instance, within {@code reload-every} on the others. The facade other features use to read manual tags.
 */
@Service
public class TagDefinitions implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TagDefinitions.class);

    private final TagRepository tags;
    private final TagCatalog catalog;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    TagDefinitions(TagRepository tags, TagCatalog catalog, AuditTrail audit) {
        this.tags = tags;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** Before the stream starts (a lifecycle phase later), once the schema is migrated. */
    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    @Transactional
    TagView create(Caller caller, TagRequests.CreateTag request) {
        String expression = checked(request.kind(), request.expression());
        Instant now = clock.instant();
        var tag = new TagView(
                request.name(), request.kind(), expression, request.description(), now, now, AuditTrail.actor(caller));
        if (!tags.insert(tag)) {
            throw ApiException.conflict("TAG_EXISTS", "a tag named " + request.name() + " exists");
        }
        audit.record(
                caller, "TAG_CREATED", tag.name(), null, tag.kind() + " " + (expression == null ? "" : expression));
        afterCommitReload();
        return tag;
    }

    @Transactional
    TagView update(Caller caller, String name, TagRequests.UpdateTag request) {
        TagView tag = find(name);
        String expression = checked(tag.kind(), request.expression());
        tags.update(name, expression, request.description(), clock.instant(), AuditTrail.actor(caller));
        audit.record(caller, "TAG_UPDATED", name, null, expression);
        afterCommitReload();
        return find(name);
    }

    TagView find(String name) {
        return tags.find(name).orElseThrow(() -> ApiException.notFound("TAG_NOT_FOUND", "no tag " + name));
    }

    @Transactional
    boolean tagMember(Caller caller, String memberId, String tag) {
        if (find(tag).kind() != TagKind.MANUAL) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "TAG_NOT_MANUAL", tag + " is a rule tag: the stream sets it, not an operator");
        }
        boolean added = tags.tagMember(memberId, tag, clock.instant(), AuditTrail.actor(caller));
        if (added) {
            audit.record(caller, "MEMBER_TAGGED", tag, memberId, null);
        }
        return added;
    }

    @Transactional
    void untagMember(Caller caller, String memberId, String tag) {
        find(tag);
        if (tags.untagMember(memberId, tag)) {
            audit.record(caller, "MEMBER_UNTAGGED", tag, memberId, null);
        }
    }

    /** A member's manual tags. */
    public List<String> manualTags(String memberId) {
        return tags.manualTags(memberId);
    }

    /** Whether a tag of that name is defined (a segment may only name those). */
    public boolean exists(String name) {
        return tags.find(name).isPresent();
    }

    List<TagView> page(String after, int limit) {
        return tags.page(after, limit);
    }

    /** Reads the rule tags into the stream's catalog; a rule that no longer parses is left out, loudly. */
    @Scheduled(fixedDelayString = "${unimember.insight.reload-every:PT10S}")
    public void reload() {
        try {
            catalog.replace(tags.rules().stream()
                    .<TagCatalog.RuleTag>mapMulti((tag, out) -> {
                        String expression = tag.expression();
                        if (expression == null) { // the API stores none such (checked), but the column allows NULL
                            log.warn("rule tag {} has no expression, left out", tag.name());
                            return;
                        }
                        try {
                            out.accept(new TagCatalog.RuleTag(tag.name(), Expressions.rule(expression)));
                        } catch (RuntimeException e) {
                            log.warn("rule tag {} does not parse, left out: {}", tag.name(), e.getMessage());
                        }
                    })
                    .toList());
        } catch (DataAccessException e) {
            log.warn(
                    "could not read the tag definitions, keeping the {} held: {}",
                    catalog.rules().size(),
                    e.getMessage());
        }
    }

    private void afterCommitReload() {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        reload();
                    }
                });
    }

    private static @Nullable String checked(TagKind kind, @Nullable String expression) {
        if (kind == TagKind.MANUAL) {
            if (expression != null && !expression.isBlank()) {
                throw ApiException.badRequest("EXPRESSION_NOT_ALLOWED", "a manual tag has no expression");
            }
            return null;
        }
        if (expression == null || expression.isBlank()) {
            throw ApiException.badRequest("EXPRESSION_REQUIRED", "a rule tag needs an expression");
        }
        try {
            Expressions.rule(expression);
        } catch (InvalidExpressionException e) {
            throw ApiException.badRequest("EXPRESSION_INVALID", e.getMessage());
        }
        return expression.strip();
    }
}
