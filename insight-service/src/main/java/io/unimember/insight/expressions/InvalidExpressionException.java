package io.unimember.insight.expressions;

/** An expression that does not parse, with where and why. */
public class InvalidExpressionException extends RuntimeException {

    public InvalidExpressionException(String message) {
        super(message);
    }
}
