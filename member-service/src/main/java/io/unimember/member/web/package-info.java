/** Web glue shared by member-service's features: its path rules and the development-secrets warning. */
@NullMarked
package io.unimember.member.web;

import org.jspecify.annotations.NullMarked;
