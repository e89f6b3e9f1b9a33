package org.odelump.io;

/** Small SBML documents written for the reader's tests, each with hand-known drifts. */
final class SbmlFixtures {

    private SbmlFixtures() {
    }

    static final String L2_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
            """;

    static final String L3V1_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
            """;

    static final String L3V2_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
            """;

    /**
     * L2V4, compartment of size 2. A, B concentrations; C boundary (concentration 5); D an amount
     * (hasOnlySubstanceUnits) with an initial assignment. R1: A + B -> D at cell*ma2(k1, A, B) (a polynomial
     * function definition); R2: C -> A at cell*k2*C with a local k2 = 3; R3: 2 A -> B at cell*k3*A^2 where k3 is
     * given by an assignment rule k3 = 4*k1.
     */
    static final String L2_MASS_ACTION = L2_HEAD + """
              <model id="fixture_l2" name="fixture L2">
                <listOfFunctionDefinitions>
                  <functionDefinition id="ma2">
                    <math xmlns="http://www.w3.org/1998/Math/MathML">
                      <lambda><bvar><ci>k</ci></bvar><bvar><ci>x</ci></bvar><bvar><ci>y</ci></bvar>
                        <apply><times/><ci>k</ci><ci>x</ci><ci>y</ci></apply></lambda>
                    </math>
                  </functionDefinition>
                </listOfFunctionDefinitions>
                <listOfCompartments>
                  <compartment id="cell" size="2"/>
                </listOfCompartments>
                <listOfSpecies>
                  <species id="A" name="species A" compartment="cell" initialConcentration="1"/>
                  <species id="B" compartment="cell" initialAmount="4"/>
                  <species id="C" compartment="cell" initialConcentration="5" boundaryCondition="true"/>
                  <species id="D" compartment="cell" initialAmount="0" hasOnlySubstanceUnits="true"/>
                </listOfSpecies>
                <listOfParameters>
                  <parameter id="k1" value="0.5"/>
                  <parameter id="k3" constant="false"/>
                </listOfParameters>
                <listOfInitialAssignments>
                  <initialAssignment symbol="D">
                    <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k1</ci><cn>6</cn></apply></math>
                  </initialAssignment>
                </listOfInitialAssignments>
                <listOfRules>
                  <assignmentRule variable="k3">
                    <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><cn>4</cn><ci>k1</ci></apply></math>
                  </assignmentRule>
                </listOfRules>
                <listOfReactions>
                  <reaction id="R1" reversible="false">
                    <listOfReactants>
                      <speciesReference species="A"/>
                      <speciesReference species="B"/>
                    </listOfReactants>
                    <listOfProducts><speciesReference species="D"/></listOfProducts>
                    <kineticLaw>
                      <math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><times/><ci>cell</ci><apply><ci>ma2</ci><ci>k1</ci><ci>A</ci><ci>B</ci></apply></apply>
                      </math>
                    </kineticLaw>
                  </reaction>
                  <reaction id="R2" reversible="false">
                    <listOfReactants><speciesReference species="C"/></listOfReactants>
                    <listOfProducts><speciesReference species="A"/></listOfProducts>
                    <kineticLaw>
                      <math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><times/><ci>cell</ci><ci>k2</ci><ci>C</ci></apply>
                      </math>
                      <listOfParameters><parameter id="k2" value="3"/></listOfParameters>
                    </kineticLaw>
                  </reaction>
                  <reaction id="R3" reversible="false">
                    <listOfReactants><speciesReference species="A" stoichiometry="2"/></listOfReactants>
                    <listOfProducts><speciesReference species="B"/></listOfProducts>
                    <kineticLaw>
                      <math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><times/><ci>cell</ci><ci>k3</ci><apply><power/><ci>A</ci><cn type="integer">2</cn></apply></apply>
                      </math>
                    </kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    /**
     * L3V1, compartment of size 0.5, species amounts and concentrations, stoichiometry attributes, local
     * parameters, a parameter assignment rule that depends on species (an observable Etot = E + ES) and a
     * reversible law with a subtraction. E + S <-> ES (kon*E*S - koff*ES), ES -> E + P (kcat*ES); a zero-order
     * inflow -> S at rate vin*Etot*c (amounts/time) to exercise the substituted rule.
     */
    static final String L3V1_ENZYME = L3V1_HEAD + """
              <model id="fixture_l3" substanceUnits="mole" timeUnits="second" extentUnits="mole">
                <listOfCompartments>
                  <compartment id="c" size="0.5" spatialDimensions="3" constant="true"/>
                </listOfCompartments>
                <listOfSpecies>
                  <species id="E" compartment="c" initialConcentration="2" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="S" compartment="c" initialAmount="3" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
                  <species id="ES" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="P" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfParameters>
                  <parameter id="Etot" constant="false"/>
                  <parameter id="vin" value="0.25" constant="true"/>
                </listOfParameters>
                <listOfRules>
                  <assignmentRule variable="Etot">
                    <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><plus/><ci>E</ci><ci>ES</ci></apply></math>
                  </assignmentRule>
                </listOfRules>
                <listOfReactions>
                  <reaction id="bind" reversible="true" fast="false">
                    <listOfReactants>
                      <speciesReference species="E" stoichiometry="1" constant="true"/>
                      <speciesReference species="S" stoichiometry="1" constant="true"/>
                    </listOfReactants>
                    <listOfProducts><speciesReference species="ES" stoichiometry="1" constant="true"/></listOfProducts>
                    <kineticLaw>
                      <math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><minus/>
                          <apply><times/><ci>kon</ci><ci>E</ci><ci>S</ci></apply>
                          <apply><times/><ci>koff</ci><ci>ES</ci></apply>
                        </apply>
                      </math>
                      <listOfLocalParameters>
                        <localParameter id="kon" value="1.5"/>
                        <localParameter id="koff" value="0.3"/>
                      </listOfLocalParameters>
                    </kineticLaw>
                  </reaction>
                  <reaction id="cat" reversible="false" fast="false">
                    <listOfReactants><speciesReference species="ES" stoichiometry="1" constant="true"/></listOfReactants>
                    <listOfProducts>
                      <speciesReference species="E" stoichiometry="1" constant="true"/>
                      <speciesReference species="P" stoichiometry="1" constant="true"/>
                    </listOfProducts>
                    <kineticLaw>
                      <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>kcat</ci><ci>ES</ci></apply></math>
                      <listOfLocalParameters><localParameter id="kcat" value="0.7"/></listOfLocalParameters>
                    </kineticLaw>
                  </reaction>
                  <reaction id="inflow" reversible="false" fast="false">
                    <listOfProducts><speciesReference species="S" stoichiometry="2" constant="true"/></listOfProducts>
                    <kineticLaw>
                      <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>vin</ci><ci>Etot</ci><ci>c</ci></apply></math>
                    </kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    /** L3V2: a constant species, a power written as a real exponent 2.0, a division by a constant. */
    static final String L3V2_SMALL = L3V2_HEAD + """
              <model id="fixture_l3v2">
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies>
                  <species id="X" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="K" compartment="c" initialConcentration="4" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="true"/>
                </listOfSpecies>
                <listOfParameters><parameter id="k" value="3" constant="true"/></listOfParameters>
                <listOfReactions>
                  <reaction id="dimer" reversible="false">
                    <listOfReactants><speciesReference species="X" stoichiometry="2" constant="true"/></listOfReactants>
                    <listOfModifiers><modifierSpeciesReference species="K"/></listOfModifiers>
                    <kineticLaw>
                      <math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><divide/>
                          <apply><times/><ci>k</ci><ci>K</ci><apply><power/><ci>X</ci><cn>2.0</cn></apply></apply>
                          <cn type="integer">6</cn>
                        </apply>
                      </math>
                    </kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    /** A one-species L2 model whose single reaction (id R) has the given kinetic-law MathML content. */
    static String l2WithLaw(String mathContent) {
        return L2_HEAD + """
                  <model id="bad">
                    <listOfCompartments><compartment id="cell" size="1"/></listOfCompartments>
                    <listOfSpecies><species id="S" compartment="cell" initialConcentration="1"/></listOfSpecies>
                    <listOfParameters>
                      <parameter id="Vmax" value="2"/><parameter id="Km" value="0.5"/><parameter id="n" value="4"/>
                    </listOfParameters>
                    <listOfReactions>
                      <reaction id="R" reversible="false">
                        <listOfReactants><speciesReference species="S"/></listOfReactants>
                        <kineticLaw>
                          <math xmlns="http://www.w3.org/1998/Math/MathML">
                """ + mathContent + """
                          </math>
                        </kineticLaw>
                      </reaction>
                    </listOfReactions>
                """;
    }

    static String close() {
        return """
                  </model>
                </sbml>
                """;
    }
}
