/** Scheduled work: the monthly downgrade, the daily growth-window refresh and the propagation of rule changes. */
@NullMarked
package io.unimember.tier.jobs;

import org.jspecify.annotations.NullMarked;
