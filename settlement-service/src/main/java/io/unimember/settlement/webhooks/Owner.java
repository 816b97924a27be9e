package io.unimember.settlement.webhooks;

import io.unimember.common.security.Caller;
import io.unimember.common.security.Claims;

/** Who registered an endpoint: a BU's client ({@code merchant} empty) or one of its merchants. */
record Owner(String bu, String merchant) {

    static Owner of(Caller caller) {
        String merchant = caller.claim(Claims.MERCHANT_ID);
        return new Owner(caller.bu(), merchant == null ? "" : merchant);
    }
}
