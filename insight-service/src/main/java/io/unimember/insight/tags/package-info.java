/**
 * Tags: rule tags (an expression over a member's figures, evaluated in the stream) and manual tags (set by an
 * operator on a member), both defined by admins, every change audited.
 */
@NullMarked
package io.unimember.insight.tags;

import org.jspecify.annotations.NullMarked;
