// libFuzzer target for the Markdown plan reader: any bytes give a plan or an InputError with
// a position, never a crash, a hang or unbounded memory. Built only for fuzzing, by
// `bash .ci/fuzz.sh` (docs/fuzzing.md); the file holds only the entry point.
import Foundation
import PlanLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    do {
        let plan = try PlanReader.read(data: bytes, file: "fuzz.md")
        // Every position the reader gives lies inside the file.
        func inside(_ r: SourceRange, _ what: String) {
            guard r.start.offset <= r.end.offset, r.end.offset <= size, r.start.line >= 1, r.end.line <= max(plan.lines.count, 1) + 1 else {
                fatalError("\(what) at \(r) is outside the file of \(size) bytes and \(plan.lines.count) lines")
            }
        }
        func walk(_ s: Section) {
            inside(s.titleRange, "heading '\(s.title)'")
            for b in s.blocks { for t in b.textBlocks { inside(t.range, "text block") } }
            s.children.forEach(walk)
        }
        walk(plan.body)
        for c in plan.comments { inside(c.range, "comment") }
    } catch {
        if let p = error.position, p.line < 1 || p.column < 1 || p.offset > size { fatalError("error at a bad position: \(error)") }
    }
    return 0
}
