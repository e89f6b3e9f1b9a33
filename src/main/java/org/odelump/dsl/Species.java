package org.odelump.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.odelump.model.Expr;
import org.odelump.model.Variable;

/** Internal: the variables of a model being built, in declaration order, with where each was declared. */
final class Species {

    /** Names ERODE treats as the empty complex of a source or sink reaction when no species of that name exists. */
    static final Set<String> PSEUDO = Set.of("emptyset", "sink", "null", "trash");

    private final List<Variable> vars = new ArrayList<>();
    private final List<Token> declaredAt = new ArrayList<>();
    private final List<Double> initial = new ArrayList<>();
    private final List<Expr> initialSource = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Boolean> extra = new ArrayList<>();

    int add(String name, String displayName, Token at, boolean undeclaredConstant) {
        int i = vars.size();
        vars.add(new Variable(name, displayName));
        declaredAt.add(at);
        initial.add(0.0);
        initialSource.add(null);
        extra.add(undeclaredConstant);
        index.put(name, i);
        return i;
    }

    int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    static boolean isPseudo(String name) {
        return PSEUDO.contains(name.toLowerCase(Locale.ROOT));
    }

    int size() {
        return vars.size();
    }

    boolean isExtra(int i) {
        return extra.get(i);
    }

    Token declaredAt(int i) {
        return declaredAt.get(i);
    }

    String name(int i) {
        return vars.get(i).name();
    }

    void setInitial(int i, double v, Expr source) {
        initial.set(i, v);
        initialSource.set(i, source);
    }

    List<Variable> variables() {
        return vars;
    }

    double[] initialValues() {
        double[] out = new double[vars.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = initial.get(i);
        }
        return out;
    }

    List<Expr> initialSources() {
        return initialSource;
    }
}
