/** The audit trail of every admin change to tags, segments and members' manual tags. */
@NullMarked
package io.unimember.insight.audit;

import org.jspecify.annotations.NullMarked;
