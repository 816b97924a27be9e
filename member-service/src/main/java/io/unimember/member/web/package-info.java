/** Web glue shared by member-service's features: its path rules and field-level errors. */
@NullMarked
package io.unimember.member.web;

import org.jspecify.annotations.NullMarked;
