/**
 * Network files: reading and writing {@link org.odelump.nn.Mlp}s as odelump's JSON format
 * ({@code docs/network-format.md}) and as ONNX, through one facade, {@link org.odelump.nn.io.NetworkFiles}
 * ({@code read(Path)}, {@code write(Path, ..., NetworkFormat)}, format by extension). A file's content beyond the
 * weights — column names, the {@link org.odelump.nn.data.ColumnScaling} of inputs and targets a trainer applied,
 * {@link org.odelump.nn.io.NetworkProvenance} and, for a network read from ONNX, the graph's interface
 * ({@link org.odelump.nn.io.OnnxSignature}: input and output names and shapes, opset) — travels in a
 * {@link org.odelump.nn.io.NetworkFile}, so a compressed network is written back in the format it came in with the
 * same metadata. Written ONNX graphs compute the prediction in data units (standardisations as nodes).
 *
 * <p>ONNX support covers what PyTorch ({@code torch.onnx.export} of {@code nn.Linear}: Gemm with transB = 1) and
 * tf2onnx/skl2onnx (Keras Dense, scikit-learn MLPs: MatMul with [in, out] weights + Add) emit for feed-forward
 * MLPs with Tanh, Sigmoid or Relu, with Flatten/Reshape at the input and Sub/Div/Mul/Add normalisations by
 * constants, and initializers in raw_data, typed fields or external data files; anything else is rejected with a
 * message
 * naming the node. The ONNX protobuf classes ({@code ai.onnx.proto.OnnxMl} from tribuo-util-onnx, on protobuf-java)
 * are used only in this package. Bad input is an {@link org.odelump.model.InvalidModelException} located at
 * file:line:column (JSON) or naming the node (ONNX). Never prints.
 */
package org.odelump.nn.io;
