package io.unimember.coupon.risk;

/** The port through which a decided review reaches an exchange it parked (implemented by the exchanges feature). */
public interface ReviewedExchanges {

    /** Carries a parked exchange on (approved) or fails it (rejected); once, however often it is told. */
    void reviewed(String memberId, String exchangeId, boolean approved);
}
