package io.unimember.settlement.journal;

/** What the journal takes from an event: a redemption to post, or a refund's reversal of one. */
sealed interface JournalEntry permits Redemption, Reversal {}
