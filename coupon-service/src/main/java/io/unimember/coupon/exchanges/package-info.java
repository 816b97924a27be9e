/**
 * Points for 神券 (积分兑券, design §12, decision 0045): a saga with points-service over events, every step an inbox
 * or outbox transaction, so a crash between steps resumes where it stopped and points and coupon move together.
 */
@NullMarked
package io.unimember.coupon.exchanges;

import org.jspecify.annotations.NullMarked;
