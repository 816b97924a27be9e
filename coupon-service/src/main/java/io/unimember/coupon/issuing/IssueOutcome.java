package io.unimember.coupon.issuing;

import io.unimember.coupon.coupons.Coupon;

/** What issuing did: a coupon, or a refusal that changed nothing. */
public sealed interface IssueOutcome {

    record Issued(Coupon coupon) implements IssueOutcome {}

    record Refused(Refusal reason) implements IssueOutcome {}
}
