package io.unimember.insight.tags;

import io.unimember.common.security.Caller;
import io.unimember.insight.audit.AuditTrail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin: tag definitions (rule or manual), a tag's audit trail, members' manual tags. */
@RestController
@Validated
class TagController {

    static final String MEMBER_ID = "[A-Za-z0-9_-]{1,64}";

    record TagPage(List<TagView> items, @Nullable String nextCursor) {}

    record AuditPage(List<AuditTrail.Entry> items) {}

    record MemberTag(String memberId, String tag) {}

    private final TagDefinitions definitions;
    private final AuditTrail audit;

    TagController(TagDefinitions definitions, AuditTrail audit) {
        this.definitions = definitions;
        this.audit = audit;
    }

    /**
     * Defines a tag: a rule tag set by the stream, or a manual one set by operators. Admins only. A rule tag needs an
     * expression that parses (else 400 EXPRESSION_REQUIRED or EXPRESSION_INVALID), a manual tag takes none (else 400
     * EXPRESSION_NOT_ALLOWED); a name in use is 409 TAG_EXISTS. Audited. This instance applies a new rule at once, the
     * others at their next reload (every 10 seconds by default).
     */
    @PostMapping("/api/v1/admin/tags")
    @ResponseStatus(HttpStatus.CREATED)
    TagView create(Caller caller, @Valid @RequestBody TagRequests.CreateTag request) {
        return definitions.create(caller, request);
    }

    /**
     * Lists the tag definitions by name, a page at a time. Admins only. nextCursor passed back as cursor gives the next
     * page.
     */
    @GetMapping("/api/v1/admin/tags")
    TagPage list(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 64) String cursor) {
        TagRepositoryPage page = TagRepositoryPage.of(definitions, cursor == null ? "" : cursor, limit);
        return new TagPage(page.items(), page.nextCursor());
    }

    /**
     * Reads a tag definition: its kind, expression and description. Admins only; an unknown tag is 404 TAG_NOT_FOUND.
     */
    @GetMapping("/api/v1/admin/tags/{name}")
    TagView get(@PathVariable @Pattern(regexp = TagRequests.NAME) String name) {
        return definitions.find(name);
    }

    /**
     * Replaces a tag's expression and description; its kind stays. Admins only; an unknown tag is 404 TAG_NOT_FOUND. A
     * rule tag needs an expression that parses (else 400 EXPRESSION_REQUIRED or EXPRESSION_INVALID), a manual tag takes
     * none (else 400 EXPRESSION_NOT_ALLOWED). Audited; the new rule reaches the stream as on create.
     */
    @PutMapping("/api/v1/admin/tags/{name}")
    TagView update(
            Caller caller,
            @PathVariable @Pattern(regexp = TagRequests.NAME) String name,
            @Valid @RequestBody TagRequests.UpdateTag request) {
        return definitions.update(caller, name, request);
    }

    /**
     * Lists the changes to a tag, newest first. Its creation and updates, and the members tagged and untagged. Admins
     * only; an unknown tag is 404 TAG_NOT_FOUND. At most limit entries (50 unless asked, up to 200).
     */
    @GetMapping("/api/v1/admin/tags/{name}/audit")
    AuditPage audit(
            @PathVariable @Pattern(regexp = TagRequests.NAME) String name,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        definitions.find(name);
        return new AuditPage(audit.of(name, limit));
    }

    /**
     * Puts a manual tag on a member. Admins only. Answers 201 when the tag was added and 200 when the member already
     * had it, which changes nothing. An unknown tag is 404 TAG_NOT_FOUND, and a rule tag, which the stream sets, is 409
     * TAG_NOT_MANUAL. Audited when added.
     */
    @PostMapping("/api/v1/admin/members/{memberId}/tags")
    ResponseEntity<MemberTag> tagMember(
            Caller caller,
            @PathVariable @Pattern(regexp = MEMBER_ID) String memberId,
            @Valid @RequestBody TagRequests.TagMember request) {
        boolean added = definitions.tagMember(caller, memberId, request.tag());
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new MemberTag(memberId, request.tag()));
    }

    /**
     * Takes a manual tag off a member. Admins only. 204 whether or not the member had it, so removing it again changes
     * nothing; an unknown tag is 404 TAG_NOT_FOUND. Audited when removed.
     */
    @DeleteMapping("/api/v1/admin/members/{memberId}/tags/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void untagMember(
            Caller caller,
            @PathVariable @Pattern(regexp = MEMBER_ID) String memberId,
            @PathVariable @Pattern(regexp = TagRequests.NAME) String tag) {
        definitions.untagMember(caller, memberId, tag);
    }
}
