/** What the services' scheduled jobs share: the loop that works through a backlog a batch at a time. */
@NullMarked
package io.unimember.common.jobs;

import org.jspecify.annotations.NullMarked;
