package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.odelump.lumping.BackwardEquivalence;
import org.odelump.lumping.ForwardEquivalence;
import org.odelump.lumping.Tolerance;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Variable;
import org.odelump.testutil.SharedCorpus;

/**
 * Cross-format check (research/model-corpus.md §1): BioNetGen's SBML export and its {@code .net} file of the
 * same network (SciML Catalyst corpus: multisite2, egfr_net) give the same drifts and FE/BE partitions. Species
 * are matched by their BioNetGen pattern, which both files carry (SBML {@code name}, {@code .net} species
 * column) and both readers keep as {@link Variable#displayName()}.
 */
class SbmlNetCrossCheckTest {

    @Test
    void bioNetGenSbmlExportsAgreeWithTheirNetFiles() {
        Path corpus = SharedCorpus.requireCorpus().resolve("SciML_Catalyst_PLOS_COMPBIO_2023");
        for (String model : new String[] {"multisite2", "egfr_net"}) {
            OdeSystem net = BngNetReader.read(corpus.resolve("net/" + model + ".net")).system();
            OdeSystem sbml = SbmlReader.read(corpus.resolve("sbml/" + model + ".xml")).system();
            assertThat(sbml.dimension()).as(model).isEqualTo(net.dimension());
            Map<String, Integer> byPattern = new HashMap<>();
            for (int j = 0; j < net.dimension(); j++) {
                assertThat(byPattern.put(net.variables().get(j).displayName(), j)).as("unique pattern").isNull();
            }
            int[] m = new int[sbml.dimension()];
            for (int i = 0; i < m.length; i++) {
                Integer j = byPattern.get(sbml.variables().get(i).displayName());
                assertThat(j).as("%s: .net species for %s", model, sbml.variables().get(i)).isNotNull();
                m[i] = j;
            }
            assertThat(sbml.initialValues()).as(model).containsExactly(permute(net.initialValues(), m));
            Random rnd = new Random(5);
            for (int trial = 0; trial < 5; trial++) {
                double[] x = new double[sbml.dimension()];
                double[] y = new double[net.dimension()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rnd.nextDouble();
                    y[m[i]] = x[i];
                }
                double[] a = sbml.evaluate(x);
                double[] b = permute(net.evaluate(y), m);
                for (int i = 0; i < a.length; i++) {
                    assertThat(b[i]).as("%s: drift of %s", model, sbml.variables().get(i).displayName())
                            .isCloseTo(a[i], org.assertj.core.api.Assertions.within(1e-9 * (1 + Math.abs(a[i]))));
                }
            }
            Partition top = Partition.single(sbml.dimension());
            assertThat(size(new ForwardEquivalence(net, top, Tolerance.DEFAULT).compute()))
                    .as(model + " FE").isEqualTo(size(new ForwardEquivalence(sbml, top, Tolerance.DEFAULT).compute()));
            assertThat(size(new BackwardEquivalence(net, top, Tolerance.DEFAULT).compute()))
                    .as(model + " BE").isEqualTo(size(new BackwardEquivalence(sbml, top, Tolerance.DEFAULT).compute()));
        }
    }

    private static int size(Partition p) {
        return p.size();
    }

    /** out[i] = v[m[i]]. */
    private static double[] permute(double[] v, int[] m) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = v[m[i]];
        }
        return out;
    }
}
