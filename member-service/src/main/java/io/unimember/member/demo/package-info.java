/** What the demo profile adds: well-known clients with a well-known secret. Never active outside demo. */
@NullMarked
package io.unimember.member.demo;

import org.jspecify.annotations.NullMarked;
