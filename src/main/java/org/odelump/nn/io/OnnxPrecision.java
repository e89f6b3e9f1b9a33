package org.odelump.nn.io;

/** Element type of the tensors an ONNX file is written with. */
public enum OnnxPrecision {
    /**
     * ONNX FLOAT (IEEE float32), what runtimes and exporters use by default. Writing rounds every weight and bias
     * to the nearest float: reading the file back gives the network to a relative error of about 6e-8 per
     * parameter, not bit for bit.
     */
    FLOAT32,
    /** ONNX DOUBLE (float64): exact round trip; Gemm, Tanh, Sigmoid and Relu accept double tensors since opset 6. */
    FLOAT64
}
