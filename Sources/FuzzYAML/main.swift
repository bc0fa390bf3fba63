// libFuzzer target for the YAML loader: any bytes give a tree or a YAMLError, never a crash,
// a hang or unbounded memory. Built only for fuzzing, by `bash .ci/fuzz.sh` (docs/fuzzing.md).
//
// The file holds only the entry point: libFuzzer provides main().
import PlanLintYAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        if let node = try YAMLLoader.load(bytes: bytes, file: "fuzz.yaml") {
            // Every range lies inside the input.
            if node.range.end.offset > size { fatalError("range past the end of the input") }
        }
    } catch {
        if error.position.line < 1 || error.position.column < 1 { fatalError("error without a position: \(error)") }
    }
    return 0
}
