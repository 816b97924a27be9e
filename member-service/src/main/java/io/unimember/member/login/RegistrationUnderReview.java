package io.unimember.member.login;

/** A correct code whose registration risk control parked: {@code 202 PENDING_REVIEW}, no tokens yet. */
class RegistrationUnderReview extends RuntimeException {

    private final String reviewId;

    RegistrationUnderReview(String reviewId) {
        super("the registration is under review");
        this.reviewId = reviewId;
    }

    String reviewId() {
        return reviewId;
    }
}
