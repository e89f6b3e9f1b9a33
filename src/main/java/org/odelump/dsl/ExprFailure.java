package org.odelump.dsl;

import org.odelump.model.Diagnostic;
import org.odelump.model.Expr;

/**
 * Internal: an expression could not be evaluated or converted. {@link #node} is the offending sub-expression; the
 * caller maps it to a source position.
 */
final class ExprFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the expression failed. */
    enum Reason { UNDECLARED, OTHER }

    private final Diagnostic.Kind kind;
    private final transient Expr node;
    private final Reason reason;

    ExprFailure(Diagnostic.Kind kind, Reason reason, String message, Expr node) {
        super(message, null, false, false);
        this.kind = kind;
        this.reason = reason;
        this.node = node;
    }

    ExprFailure(Diagnostic.Kind kind, String message, Expr node) {
        this(kind, Reason.OTHER, message, node);
    }

    Diagnostic.Kind kind() {
        return kind;
    }

    Reason reason() {
        return reason;
    }

    Expr node() {
        return node;
    }
}
