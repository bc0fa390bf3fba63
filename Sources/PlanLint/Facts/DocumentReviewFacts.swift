// The review state of a Word or OpenDocument plan as engine variables, for the rule that
// a plan goes to the council without unaccepted tracked changes or open comments
// (GP-DOCUMENT-OPEN-REVIEW in Rules/fi-suositukset):
//   $open_review         one item per open change or comment, positioned at its paragraph
//   $open_changes        how many tracked changes (insertions and deletions) are open
//   $open_comments       how many comments are unresolved
//   $open_review_where   where they are, in the plan's language ("luku 3.2, 1. kappale: …")
// A Markdown or YAML plan has none of them open.
import Foundation

enum DocumentReviewFacts {
    static let names: Set<String> = ["open_review", "open_changes", "open_comments", "open_review_where"]
    /// At most this many places are listed in `$open_review_where`.
    static let maxPlaces = 8

    static func variables(_ plan: Plan, language: Language) -> [String: FactValue] {
        let items = plan.review?.items ?? []
        func scalar(_ text: String, _ range: SourceRange = SourceRange(at: .start)) -> YAMLNode {
            YAMLNode(content: .scalar(YAMLScalar(text: text, style: .plain, value: .string(text))), range: range)
        }
        func value(_ node: YAMLNode, _ name: String) -> FactValue {
            FactValue(node: node, path: "$" + name, origin: .engine)
        }
        var out: [String: FactValue] = [:]
        let nodes = items.map { item -> YAMLNode in
            let at = SourcePosition(line: item.line, column: 1, offset: 0)
            let text = "\(item.location.rendered(language)): \(word(item.kind, language))"
            return scalar(text, SourceRange(start: at, end: SourcePosition(line: item.line, column: 1 + (plan.line(item.line)?.unicodeScalars.count ?? 0), offset: 0)))
        }
        out["open_review"] = value(YAMLNode(content: .sequence(nodes), range: nodes.first?.range ?? SourceRange(at: .start)), "open_review")
        let changes = items.filter { $0.kind != .comment }.count
        out["open_changes"] = value(scalar(String(changes)), "open_changes")
        out["open_comments"] = value(scalar(String(items.count - changes)), "open_comments")
        // Places in document order, each with what is open there.
        var places: [(String, [String])] = []
        for item in items {
            let place = item.location.rendered(language)
            if let i = places.firstIndex(where: { $0.0 == place }) {
                places[i].1.append(word(item.kind, language))
            } else {
                places.append((place, [word(item.kind, language)]))
            }
        }
        var listed = places.prefix(maxPlaces).map { "\($0.0) (\($0.1.joined(separator: ", ")))" }
        if places.count > maxPlaces { listed.append(Catalogue.word.morePlaces.render(language, ["n": .number(places.count - maxPlaces)])) }
        out["open_review_where"] = value(scalar(listed.joined(separator: "; ")), "open_review_where")
        return out
    }

    static func word(_ kind: DocumentReview.Kind, _ language: Language) -> String {
        switch kind {
        case .insertion: return Catalogue.word.insertion[language]
        case .deletion: return Catalogue.word.deletion[language]
        case .comment: return Catalogue.word.comment[language]
        }
    }
}
