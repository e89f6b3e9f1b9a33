package org.odelump.dsl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.odelump.model.Expr;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;

/**
 * Where a model's parameters occur in its drift or rate expressions, for {@link ParametricDrifts}: polynomially
 * (they can be indeterminates), as factors of a divisor made of parameters only (their reciprocals can), or
 * elsewhere (they must be substituted, with the reason); and how parameter definitions depend on each other.
 * Working state of one {@link ParametricDrifts#extend} call.
 */
final class ParameterOccurrences {

    final Map<String, Double> values = new HashMap<>();
    final Map<String, Parameter> byName = new HashMap<>();
    /** Parameters that occur polynomially. */
    final Set<String> direct = new HashSet<>();
    /** Parameters that occur as factors of a divisor made of parameters only. */
    final Set<String> reciprocal = new HashSet<>();
    /** Parameters that must be substituted, with the reason, in the order found. */
    final Map<String, String> substituted = new LinkedHashMap<>();
    ParameterOccurrences(OdeSystem m) {
        for (Parameter p : m.parameters()) {
            values.put(p.name(), p.value());
            byName.put(p.name(), p);
        }
    }

    /**
     * Records the parameters {@code e} names.
     *
     * @param polynomial false below a divisor, an exponent or a function argument
     * @param reason     why the current position is not polynomial (when {@code polynomial} is false)
     */
    void scan(Expr e, boolean polynomial, String reason) {
        if (e instanceof Expr.Ref r) {
            if (values.containsKey(r.name())) {
                if (polynomial) {
                    direct.add(r.name());
                } else {
                    substituted.putIfAbsent(r.name(), reason);
                }
            }
        } else if (e instanceof Expr.Neg n) {
            scan(n.operand(), polynomial, reason);
        } else if (e instanceof Expr.Call c) {
            boolean pow = c.function().equals("pow") && c.args().size() == 2;
            for (int a = 0; a < c.args().size(); a++) {
                boolean base = pow && a == 0 && naturalNumber(c.args().get(1));
                scan(c.args().get(a), polynomial && base, !polynomial ? reason : pow ? "it occurs in a power"
                        : "it occurs in the argument of " + c.function() + "()");
            }
        } else if (e instanceof Expr.Binary b) {
            // sums and products are left-deep chains of any length: walk the left spine iteratively
            Expr left = b;
            while (left instanceof Expr.Binary lb) {
                Expr right = lb.right();
                if (lb.op() == Expr.Op.DIV && polynomial && divisorFactors(right) != null) {
                    divisorFactors(right).keySet().forEach(reciprocal::add);
                } else if (lb.op() == Expr.Op.DIV) {
                    scan(right, false, polynomial ? "it occurs in a divisor that is not a product of parameters"
                            : reason);
                } else if (lb.op() == Expr.Op.POW) {
                    scan(right, false, polynomial ? "it occurs in an exponent" : reason);
                    if (!naturalNumber(right)) {
                        scan(lb.left(), false, polynomial ? "it is raised to a power that is not a whole number"
                                : reason);
                        return;
                    }
                } else {
                    scan(right, polynomial, reason);
                }
                left = lb.left();
            }
            scan(left, polynomial, reason);
        }
    }

    /** The parameters of a divisor that is a product of parameters and their natural powers, else null. */
    Map<String, Integer> divisorFactors(Expr d) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Expr cur = d;
        while (true) {
            Expr factor = cur instanceof Expr.Binary b && b.op() == Expr.Op.MUL ? b.right() : cur;
            int exponent = 1;
            if (factor instanceof Expr.Binary pw && pw.op() == Expr.Op.POW && naturalNumber(pw.right())) {
                exponent = (int) ((Expr.Num) pw.right()).value();
                factor = pw.left();
            }
            if (!(factor instanceof Expr.Ref r) || !values.containsKey(r.name()) || exponent > 64) {
                return null;
            }
            out.merge(r.name(), exponent, Integer::sum);
            if (!(cur instanceof Expr.Binary b && b.op() == Expr.Op.MUL)) {
                return out;
            }
            cur = b.left();
        }
    }

    /** The parameters whose definitions {@code name}'s definition uses, transitively (not name itself). */
    Set<String> ancestors(String name) {
        Set<String> seen = new HashSet<>();
        List<String> work = new ArrayList<>(List.of(name));
        while (!work.isEmpty()) {
            Parameter p = byName.get(work.remove(work.size() - 1));
            if (p != null && p.source() != null) {
                for (String ref : references(p.source())) {
                    if (byName.containsKey(ref) && seen.add(ref)) {
                        work.add(ref);
                    }
                }
            }
        }
        seen.remove(name);
        return seen;
    }

    /**
     * A parameter that a substituted one is defined by cannot stay a symbol either: changing it in the reduced
     * model would not change the substituted value, while it does in the original.
     */
    void closeSubstitution() {
        Set<String> named = new HashSet<>(direct);
        named.addAll(reciprocal);
        named.addAll(substituted.keySet());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String q : named) {
                if (!substituted.containsKey(q)) {
                    continue;
                }
                for (String a : ancestors(q)) {
                    if (named.contains(a) && !substituted.containsKey(a)) {
                        substituted.put(a, "the substituted parameter " + q + " is defined by it");
                        changed = true;
                    }
                }
            }
        }
    }

    /** {@code e} with each divisor made of kept parameters written as a product of their reciprocals. */
    Expr reciprocals(Expr e) {
        if (e instanceof Expr.Neg n) {
            return new Expr.Neg(reciprocals(n.operand()));
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.args().stream().map(this::reciprocals).toList());
        }
        if (!(e instanceof Expr.Binary)) {
            return e;
        }
        ArrayDeque<Expr.Binary> spine = new ArrayDeque<>();
        Expr left = e;
        while (left instanceof Expr.Binary b) {
            spine.push(b);
            left = b.left();
        }
        Expr out = reciprocals(left);
        while (!spine.isEmpty()) {
            Expr.Binary b = spine.pop();
            Map<String, Integer> factors = b.op() == Expr.Op.DIV ? divisorFactors(b.right()) : null;
            if (factors == null) {
                out = new Expr.Binary(b.op(), out, b.op() == Expr.Op.POW ? b.right() : reciprocals(b.right()));
                continue;
            }
            for (Map.Entry<String, Integer> f : factors.entrySet()) {
                boolean kept = reciprocal.contains(f.getKey()) && !substituted.containsKey(f.getKey());
                Expr factor = new Expr.Ref(kept ? ParametricDrifts.RECIPROCAL + f.getKey() : f.getKey());
                if (f.getValue() != 1) {
                    factor = new Expr.Binary(Expr.Op.POW, factor, new Expr.Num(f.getValue()));
                }
                out = new Expr.Binary(kept ? Expr.Op.MUL : Expr.Op.DIV, out, factor);
            }
        }
        return out;
    }

    /** The names an expression refers to. */
    static Set<String> references(Expr e) {
        Set<String> out = new HashSet<>();
        ArrayDeque<Expr> work = new ArrayDeque<>(List.of(e));
        while (!work.isEmpty()) {
            Expr x = work.pop();
            if (x instanceof Expr.Ref r) {
                out.add(r.name());
            } else if (x instanceof Expr.Neg n) {
                work.push(n.operand());
            } else if (x instanceof Expr.Call c) {
                c.args().forEach(work::push);
            } else if (x instanceof Expr.Binary b) {
                work.push(b.left());
                work.push(b.right());
            }
        }
        return out;
    }

    static boolean naturalNumber(Expr e) {
        return e instanceof Expr.Num n && n.value() >= 0 && n.value() == Math.rint(n.value());
    }
}
