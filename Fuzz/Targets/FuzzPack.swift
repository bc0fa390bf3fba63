// libFuzzer target for the rule pack loader: a pack folder assembled from the input gives a
// pack or errors with positions, never a crash, a hang or unbounded memory. The bytes before
// the first NUL are pack.yaml and the rest is rules/r.yaml; an input without a NUL is the
// rules file of a fixed manifest. Built only for fuzzing, by `bash .ci/fuzz.sh`
// (docs/fuzzing.md); the file holds only the entry point.
import Foundation
import PlanLint

let manifest = "id: fuzz\nversion: 1.0.0\ntitle: {fi: F, sv: F, en: F}\n"
let examples = [
    "examples/pass.md": "---\nplan: {title: S, language: fi}\npublication_url: https://example.fi/s\n---\n# S\n\nTeksti.\n",
    "examples/fail.md": "---\nplan: {title: S, language: fi}\n---\n# S\n",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPack(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var files = examples
    if let nul = bytes.firstIndex(of: 0) {
        files["pack.yaml"] = String(decoding: bytes[..<nul], as: UTF8.self)
        files["rules/r.yaml"] = String(decoding: bytes[(nul + 1)...], as: UTF8.self)
    } else {
        files["pack.yaml"] = manifest
        files["rules/r.yaml"] = String(decoding: bytes, as: UTF8.self)
    }
    switch PackLoader.load(PackSource(origin: "fuzz", displayRoot: "fuzz", files: files)) {
    case .success(let pack):
        if pack.id.isEmpty { fatalError("a pack without an id") }
    case .failure(let errors):
        if errors.errors.isEmpty { fatalError("a failure without an error") }
        for e in errors.errors where e.message.isEmpty { fatalError("an error without a message: \(e)") }
    }
    return 0
}
