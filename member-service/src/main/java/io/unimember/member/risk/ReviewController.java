package io.unimember.member.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.risk.Checkpoint;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/risk/reviews}: the operators' queue of parked actions, approved or rejected one by one or in bulk. */
@RestController
@Validated
class ReviewController {

    private static final String REVIEW_ID = "[0-9a-f-]{36}";

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    record ReviewPage(List<Review> items, @Nullable Instant nextBefore) {}

    /** Whether to freeze the member as well when rejecting. */
    record Rejection(@Schema(example = "true") boolean freeze) {}

    /** Many reviews decided at once: approved, or rejected (and their members frozen if {@code freeze}). */
    record BulkDecision(
            @NotEmpty @Size(max = 200) List<@Pattern(regexp = REVIEW_ID) String> reviewIds,
            @Schema(example = "false") boolean approve,
            @Schema(example = "true") boolean freeze) {}

    /** What a bulk decision did: the reviews it decided, and those it left (unknown or decided before). */
    record BulkResult(List<Review> decided, List<String> skipped) {}

    /**
     * The parked actions of every service, newest first: status OPEN by default, APPROVED or REJECTED for the decided
     * ones; checkpoint narrows to one point (REGISTRATION, CLAIM, EXCHANGE, REWARD, EARNING). Each names the member,
     * what was parked, the score and the rules that fired with their counts. nextBefore passed back as before gives
     * the next page. Operators only (role OPERATOR).
     */
    @GetMapping("/api/v1/admin/risk/reviews")
    ReviewPage list(
            Caller caller,
            @RequestParam(defaultValue = "OPEN") Review.Status status,
            @RequestParam(required = false) @Nullable Checkpoint checkpoint,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        AdminAccess.require(caller, Role.OPERATOR);
        List<Review> items = reviews.list(status, checkpoint == null ? null : checkpoint.name(), before, limit);
        return new ReviewPage(items, items.size() == limit ? items.getLast().openedAt() : null);
    }

    /**
     * Approves a parked action: the service that parked it carries it out (a coupon becomes usable, a registered
     * member is let in) within seconds. Operators only (role OPERATOR). An unknown review is 404 REVIEW_NOT_FOUND,
     * one decided before 409 REVIEW_DECIDED. Audited.
     */
    @PostMapping("/api/v1/admin/risk/reviews/{reviewId}/approve")
    Review approve(Caller caller, @PathVariable @Pattern(regexp = REVIEW_ID) String reviewId) {
        return decideOne(AdminAccess.require(caller, Role.OPERATOR), reviewId, true, false);
    }

    /**
     * Rejects a parked action: the service that parked it undoes it (a coupon is voided, its stock and budget given
     * back); with freeze the member is frozen too. Operators only (role OPERATOR). An unknown review is 404
     * REVIEW_NOT_FOUND, one decided before 409 REVIEW_DECIDED. Audited.
     */
    @PostMapping("/api/v1/admin/risk/reviews/{reviewId}/reject")
    Review reject(
            Caller caller,
            @PathVariable @Pattern(regexp = REVIEW_ID) String reviewId,
            @Valid @RequestBody(required = false) @Nullable Rejection rejection) {
        return decideOne(
                AdminAccess.require(caller, Role.OPERATOR), reviewId, false, rejection != null && rejection.freeze());
    }

    /**
     * Decides up to 200 reviews at once: approve, or reject (and freeze their members with freeze). Reviews that are
     * unknown or decided before are listed as skipped; the others are decided. Operators only (role OPERATOR).
     * Audited, one entry per review.
     */
    @PostMapping("/api/v1/admin/risk/reviews/decisions")
    BulkResult decideAll(Caller caller, @Valid @RequestBody BulkDecision request) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR);
        List<Review> decided = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String id : new LinkedHashSet<>(request.reviewIds())) {
            boolean wasOpen =
                    reviews.find(id).map(r -> r.status() == Review.Status.OPEN).orElse(false);
            var now = reviews.decide(actor, id, request.approve(), request.freeze());
            if (wasOpen && now.isPresent() && now.get().status() != Review.Status.OPEN) {
                decided.add(now.get());
            } else {
                skipped.add(id);
            }
        }
        return new BulkResult(decided, skipped);
    }

    private Review decideOne(Actor actor, String reviewId, boolean approve, boolean freeze) {
        Review before = reviews.find(reviewId)
                .orElseThrow(() -> ApiException.notFound("REVIEW_NOT_FOUND", "no review " + reviewId));
        if (before.status() != Review.Status.OPEN) {
            throw ApiException.conflict("REVIEW_DECIDED", "the review was " + before.status() + " before");
        }
        return reviews.decide(actor, reviewId, approve, freeze).orElseThrow();
    }
}
