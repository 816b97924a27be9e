package io.unimember.insight.stream;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method a framework calls once, before any other, as the one that sets the object's fields (a Kafka Streams
 * processor's {@code init}). NullAway reads any annotation of this simple name: it then checks that the method, rather
 * than the constructor, sets every non-null field.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@interface Initializer {}
