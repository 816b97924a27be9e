/** Tier rules as data: the table of tiers, thresholds and benefits, and the admin change that validates and audits them. */
@NullMarked
package io.unimember.tier.tiers;

import org.jspecify.annotations.NullMarked;
