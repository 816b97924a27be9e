package io.unimember.member.consents;

import java.util.List;

/**
 * Published inside the transaction that grants or revokes a consent: the merchants the member lets read their data
 * now. The entitlement view takes it in the same transaction, so the gateway's copy never lets a merchant read past a
 * revocation (decision 0024).
 */
public record ConsentsChanged(String memberId, List<String> merchantIds) {}
