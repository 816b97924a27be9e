package io.unimember.common.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that answers {@code 201 Created} with its body. The status is set at run time (an idempotent replay
 * answers the original status through a {@code ResponseEntity}), so springdoc cannot see it; the contract documents
 * 201 instead of 200 for the method, with the same body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Creates {

    /** What was created, for the response's description. */
    String value() default "Created";

    /** The handler answers 200 with the same body when nothing new was created (a resolve that found the member). */
    boolean orOk() default false;

    /** When not empty, the handler may also answer 202 with the same body, meaning this (a parked or pending action). */
    String accepted() default "";
}
