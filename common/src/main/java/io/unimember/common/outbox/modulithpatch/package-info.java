/**
 * What Unimember patches in Spring Modulith's event publication store, each with its exit criterion (decision 0021).
 */
@NullMarked
package io.unimember.common.outbox.modulithpatch;

import org.jspecify.annotations.NullMarked;
