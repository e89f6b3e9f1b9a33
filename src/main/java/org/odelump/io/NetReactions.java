package org.odelump.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.odelump.model.Monomial;
import org.odelump.model.Reaction;

/** How BioNetGen reactions become DSL-printable reactions: fixed species as catalysts, rule names as identifiers. */
final class NetReactions {

    private NetReactions() {
    }

    /**
     * Fixed ({@code $}) species keep their amount: every reaction that consumes or produces one is rewritten so
     * that the species appears on both sides with its reagent multiplicity (a catalyst). The propensity is
     * unchanged, so the other species' drifts are exactly BioNetGen's, the fixed species' drift is 0, and the
     * reaction list stays consistent with the drifts when the model is printed as DSL text.
     */
    static List<Reaction> clampFixed(List<Reaction> reactions, boolean[] fixed) {
        boolean any = false;
        for (boolean f : fixed) {
            any |= f;
        }
        if (!any) {
            return reactions;
        }
        List<Reaction> out = new ArrayList<>(reactions.size());
        for (Reaction r : reactions) {
            Monomial products = r.products();
            boolean changed = false;
            for (Monomial side : new Monomial[] {r.reagents(), r.products()}) {
                for (int k = 0; k < side.size(); k++) {
                    int s = side.var(k);
                    if (fixed[s] && products.exponentOf(s) != r.reagents().exponentOf(s)) {
                        products = withExponent(products, s, r.reagents().exponentOf(s));
                        changed = true;
                    }
                }
            }
            out.add(changed ? new Reaction(r.label(), r.reagents(), products, r.propensity(), r.massAction(),
                    r.rateSource()) : r);
        }
        return out;
    }

    private static Monomial withExponent(Monomial m, int var, int exp) {
        int[] vs = new int[m.size() + 1];
        int[] es = new int[m.size() + 1];
        int k = 0;
        for (int i = 0; i < m.size(); i++) {
            if (m.var(i) != var) {
                vs[k] = m.var(i);
                es[k++] = m.exp(i);
            }
        }
        vs[k] = var;
        es[k++] = exp;
        return Monomial.of(Arrays.copyOf(vs, k), Arrays.copyOf(es, k));
    }

    /**
     * A rule name as a DSL identifier, so that the reaction label can be printed as {@code [label]}:
     * {@code Rule1_1(reverse)} becomes {@code Rule1_1_reverse}, a bare number {@code 1} becomes {@code r1}.
     */
    static String identifier(String raw) {
        StringBuilder sb = new StringBuilder(raw.length() + 1);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (ok) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, 'r');
        }
        return sb.toString();
    }

}
