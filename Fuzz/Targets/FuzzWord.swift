// libFuzzer target for the Word and OpenDocument reader: any bytes, read as a .docx and as an
// .odt, give a plan or an InputError, never a crash, a hang or unbounded memory (a zip bomb
// is refused by its declared and its actual sizes). Built only for fuzzing, by
// `bash .ci/fuzz.sh` (docs/fuzzing.md); the file holds only the entry point.
import Foundation
import PlanLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWord(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    for file in ["fuzz.docx", "fuzz.odt"] {
        do {
            let plan = try PlanReader.read(data: bytes, file: file)
            // The virtual lines the plan's positions count exist.
            func walk(_ s: Section) {
                if s.level > 0, s.titleRange.start.line > plan.lines.count { fatalError("heading '\(s.title)' on line \(s.titleRange.start.line) of \(plan.lines.count)") }
                for b in s.blocks { for t in b.textBlocks where t.range.start.line > plan.lines.count { fatalError("text on line \(t.range.start.line) of \(plan.lines.count)") } }
                s.children.forEach(walk)
            }
            walk(plan.body)
        } catch {
            if error.message.isEmpty { fatalError("an error without a message") }
        }
    }
    return 0
}
