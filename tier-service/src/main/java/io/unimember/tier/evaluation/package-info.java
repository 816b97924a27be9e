/** The pure rules that move a member between tiers: upgrades, the first-order tier and the retained downgrade. */
@NullMarked
package io.unimember.tier.evaluation;

import org.jspecify.annotations.NullMarked;
