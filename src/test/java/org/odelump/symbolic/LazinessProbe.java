package org.odelump.symbolic;

import java.util.List;
import java.util.Map;

import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.Polynomial;

/**
 * Run in a fresh JVM by {@link LazinessTest}: reports whether Symja is started before and after work that does not
 * need it, then after the first expansion, with timings. Prints only {@code key=value} lines.
 */
public final class LazinessProbe {

    private LazinessProbe() {
    }

    public static void main(String[] args) {
        System.out.println("before=" + Symbolic.isInitialised());
        List<String> names = List.of("x", "y", "z");
        Polynomial p = Polynomial.builder().add(Monomial.of(0), 2).add(Monomial.of(1, 2), -1).build();
        String text = SymbolicPolynomial.of(p).format(names) + " | " + p.derivative(1).format(names);
        System.out.println("native=" + text);
        System.out.println("afterNative=" + Symbolic.isInitialised() + " startupKnown=" + Symbolic.startupTime()
                .isPresent());

        NameResolver r = TestExprs.resolver(names, Map.of());
        Expr sum = TestExprs.add(TestExprs.add(TestExprs.ref("x"), TestExprs.ref("y")),
                TestExprs.add(TestExprs.ref("z"), TestExprs.num(1)));
        Expr power = TestExprs.pow(sum, TestExprs.num(6));
        long t0 = System.nanoTime();
        Polynomial nativeResult = Symbolic.expand(power, r);
        long t1 = System.nanoTime();
        System.out.println("afterNativeExpand=" + Symbolic.isInitialised());
        Polynomial e1 = Symbolic.expand(TestExprs.mul(TestExprs.call("exp", TestExprs.num(1)), TestExprs.ref("x")), r);
        long t2 = System.nanoTime();
        System.out.println("after=" + Symbolic.isInitialised() + " e=" + e1.format(names));
        Polynomial first = Symbolic.expandWithSymja(power, r);
        long t3 = System.nanoTime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            Symbolic.expandWithSymja(power, r);
            best = Math.min(best, System.nanoTime() - s);
        }
        long bestNative = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            Symbolic.expand(power, r);
            bestNative = Math.min(bestNative, System.nanoTime() - s);
        }
        System.out.println("nativePower6BestOf5Us=" + bestNative / 1_000);
        System.out.println("terms=" + first.size() + " same=" + first.equals(nativeResult));
        System.out.println("startupMs=" + Symbolic.startupTime().orElseThrow().toMillis());
        System.out.println("nativeExpandMs=" + (t1 - t0) / 1_000_000);
        System.out.println("firstSymjaCallMs=" + (t2 - t1) / 1_000_000);
        System.out.println("symjaPower6FirstMs=" + (t3 - t2) / 1_000_000);
        System.out.println("symjaPower6BestOf5Ms=" + best / 1_000_000);
        // Symja reports 1/0 on its console unless silenced
        try {
            Symbolic.expand(TestExprs.mul(TestExprs.div(TestExprs.num(1), TestExprs.num(0)), TestExprs.ref("x")), r);
            System.out.println("divisionByZero=accepted");
        } catch (IllegalArgumentException e) {
            System.out.println("divisionByZero=rejected");
        }
    }
}
