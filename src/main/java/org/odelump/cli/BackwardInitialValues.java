package org.odelump.cli;

import java.util.List;
import org.odelump.model.OdeSystem;

/**
 * The BE prepartition decision. A backward equivalence is exact only for initial states that are constant on its
 * blocks; the reduced model starts from each block's representative. With the default prepartition (none, as in
 * ERODE's reduceBE) a block may join variables with different initial values, and a simulation of the reduced model
 * then answers a different initial state. odelump keeps the default and refuses to verify such a reduction (a
 * comparison would report a large error that is no error of the reduction), naming {@code -p ic}.
 */
final class BackwardInitialValues {

    private BackwardInitialValues() {
    }

    /**
     * The first block whose members' initial values differ, rendered as {@code {a=1, b=0}}, or null when every block
     * is constant.
     */
    static String firstUnequalBlock(OdeSystem original, int[][] members) {
        double[] x0 = original.initialValues();
        List<String> names = original.variableNames();
        for (int[] block : members) {
            for (int v : block) {
                if (Double.compare(x0[v], x0[block[0]]) != 0) {
                    StringBuilder sb = new StringBuilder("{");
                    for (int k = 0; k < block.length && k < 6; k++) {
                        sb.append(k > 0 ? ", " : "").append(names.get(block[k])).append('=')
                                .append(x0[block[k]]);
                    }
                    return sb.append(block.length > 6 ? ", ...}" : "}").toString();
                }
            }
        }
        return null;
    }

    /** The message of a refused verification. */
    static String refusal(String block) {
        return "cannot verify this BE reduction: block " + block + " joins variables with different initial values, "
                + "so the reduced model (which starts from each block's first variable) describes another initial "
                + "state. Reduce with --prepartition ic (or -p user,ic) to keep initial values apart.";
    }
}
