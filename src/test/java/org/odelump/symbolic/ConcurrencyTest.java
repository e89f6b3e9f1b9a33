package org.odelump.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.odelump.symbolic.TestExprs.add;
import static org.odelump.symbolic.TestExprs.call;
import static org.odelump.symbolic.TestExprs.mul;
import static org.odelump.symbolic.TestExprs.num;
import static org.odelump.symbolic.TestExprs.pow;
import static org.odelump.symbolic.TestExprs.ref;
import static org.odelump.symbolic.TestExprs.resolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.odelump.model.Expr;
import org.odelump.model.Polynomial;

/** Expansions from several threads (each with its own Symja engine) give the same results as one thread. */
class ConcurrencyTest {

    @Test
    void parallelExpansionsAgreeWithSequentialOnes() throws Exception {
        NameResolver r = resolver(List.of("x", "y", "gamma"), Map.of("k", 0.3));
        List<Expr> exprs = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            // sqrt(n) makes each expression need Symja (the native route takes function-free ones)
            exprs.add(mul(mul(ref("k"), call("sqrt", num(n))),
                    pow(add(add(ref("x"), mul(num(n), ref("y"))), ref("gamma")), num(n % 4 + 1))));
        }
        List<Polynomial> sequential = new ArrayList<>();
        for (Expr e : exprs) {
            Polynomial p = Symbolic.expand(e, r);
            assertThat(p.coefficientOf(org.odelump.model.Monomial.ONE)).isZero();
            sequential.add(p);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Polynomial>> futures = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (Expr e : exprs) {
                    futures.add(pool.submit(() -> Symbolic.expand(e, r)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(sequential.get(i % exprs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Symbolic.isInitialised()).isTrue();
    }
}
