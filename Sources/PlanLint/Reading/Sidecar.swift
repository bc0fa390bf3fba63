// The sidecar file: `PLAN.planlint.yaml` beside `PLAN.docx` (or any plan) holds the same
// keys as the front matter, so an official can confirm or correct what planlint read from
// the prose without editing the document. Its facts win over the front matter and the
// prose; findings and `planlint facts` give their origin as `sidecar` and point into it.
import Foundation

public struct Sidecar: Sendable {
    /// The sidecar's path.
    public var file: String
    public var facts: YAMLNode
    public var keyWarnings: [PlanKeyWarning]
    /// The sidecar's lines, for excerpts.
    public var lines: [String]

    /// The largest sidecar read.
    static let maxSize = 1024 * 1024

    /// The sidecar path of a plan: its name without the extension, plus `.planlint.yaml`.
    public static func path(for plan: String) -> String {
        ((plan as NSString).deletingPathExtension) + ".planlint.yaml"
    }

    /// Reads the sidecar beside the plan, if there is one.
    static func attach(to plan: inout Plan) throws(InputError) {
        let path = path(for: plan.file)
        guard path != plan.file, FileManager.default.fileExists(atPath: path) else { return }
        let data: Data
        do {
            // Bounded: a sidecar that is a FIFO or a device is refused, not waited on.
            data = try BoundedFile.read(path, limit: maxSize)
        } catch .tooLarge {
            throw InputError(.tooLarge, file: path, at: .start, "the sidecar is larger than 1 MB")
        } catch {
            throw InputError(file: path, error)
        }
        plan.sidecar = try read(data: data, file: path)
    }

    /// Reads a sidecar's bytes.
    public static func read(data: Data, file: String) throws(InputError) -> Sidecar {
        guard data.count <= maxSize else { throw InputError(.tooLarge, file: file, at: .start, "the sidecar is larger than 1 MB") }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(.encoding, file: file, "the file is not valid UTF-8 text") }
        let root: YAMLNode?
        do {
            root = try YAMLLoader.load(text, file: file)
        } catch {
            throw InputError(error)
        }
        guard let root, !root.isNull else { throw InputError(.invalidPlan, file: file, at: .start, "the sidecar is empty") }
        guard root.mapping != nil else {
            throw InputError(.invalidPlan, file: file, at: root.range.start, "a sidecar must be a mapping of keys (plan:, status:, approvals: …), found a \(root.kindName)")
        }
        let warnings = try PlanKeys.check(root, file: file)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        return Sidecar(file: file, facts: root, keyWarnings: warnings, lines: lines)
    }
}
