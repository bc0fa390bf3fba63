// JUnit XML output, for CI systems that show test reports (GitLab, Jenkins, Azure DevOps).
//
// One <testsuite> per plan and one <testcase> per requirement (a rule's result on the plan):
//   pass            a passing test case
//   fail            <failure>, its body listing the findings; when a directive in the plan
//                   suppresses every finding, a passing case whose <system-out> names the
//                   suppressions (suppressed findings do not fail a run, so they do not fail
//                   the report either)
//   not-applicable  <skipped> with the reason (profile, scope, status or law version)
//   needs-review    a passing case with a <system-out> note of what a person must confirm:
//                   the machine found nothing wrong, and a CI report has no state for
//                   "passed, but look"; marking it skipped would hide that the check ran
// Findings of planlint's own rules (about suppression directives) get a test case per rule.
// A plan that could not be read is a suite with one test case in <error>.
import Foundation

/// The `--format junit` output.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"

    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    struct Case {
        var name: String
        var classname: String
        var file: String
        var line: Int?
        /// The XML inside <testcase>.
        var body = ""
        var failed = false
        var skipped = false
        var errored = false
    }

    struct Suite {
        var name: String
        var properties: [(String, String)]
        var cases: [Case]
    }

    public func start(_ run: RunContext, to sink: any ReportSink) -> any ReportStream {
        Stream(self, run, sink)
    }

    /// Each plan's <testsuite> written as it comes and parked; the <testsuites> element,
    /// whose attributes hold the totals, written around them at the end.
    final class Stream: ReportStream {
        let reporter: JUnitReporter, run: RunContext, sink: any ReportSink
        let packs: String
        let suites = Spool()
        var tests = 0, failures = 0, errors = 0, skipped = 0

        init(_ reporter: JUnitReporter, _ run: RunContext, _ sink: any ReportSink) {
            (self.reporter, self.run, self.sink) = (reporter, run, sink)
            packs = run.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
        }

        func plan(_ outcome: PlanOutcome) {
            let s: Suite
            switch outcome {
            case .checked(let report):
                s = reporter.suite(report, asOf: run.asOf, packs: packs)
            case .failed(let e):
                var c = Case(name: "read the plan", classname: e.file, file: e.file, line: e.position?.line)
                c.errored = true
                c.body = "<error type=\"\(XMLText.attribute(e.kind.rawValue))\" message=\"\(XMLText.attribute(e.message))\">\(XMLText.text(e.description))</error>"
                s = Suite(name: e.file, properties: [("as_of", run.asOf.iso), ("packs", packs)], cases: [c])
            }
            tests += s.cases.count
            failures += s.cases.filter(\.failed).count
            errors += s.cases.filter(\.errored).count
            skipped += s.cases.filter(\.skipped).count
            suites.write(JUnitReporter.render(s))
        }

        func finish(_ totals: RunTotals) {
            sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            sink.write("<testsuites name=\"planlint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n")
            suites.drain(into: sink)
            sink.write("</testsuites>\n")
        }
    }

    static func render(_ s: Suite) -> String {
        var out = ""
        let failures = s.cases.filter(\.failed).count, errors = s.cases.filter(\.errored).count, skipped = s.cases.filter(\.skipped).count
        out += "  <testsuite name=\"\(XMLText.attribute(s.name))\" tests=\"\(s.cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        out += "    <properties>\n"
        for (name, value) in s.properties {
            out += "      <property name=\"\(XMLText.attribute(name))\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        out += "    </properties>\n"
        for c in s.cases {
            var attributes = "name=\"\(XMLText.attribute(c.name))\" classname=\"\(XMLText.attribute(c.classname))\" file=\"\(XMLText.attribute(c.file))\""
            if let line = c.line { attributes += " line=\"\(line)\"" }
            if c.body.isEmpty {
                out += "    <testcase \(attributes)/>\n"
            } else {
                out += "    <testcase \(attributes)>\n      \(c.body)\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n"
        return out
    }

    func suite(_ report: PlanReport, asOf: PlanDate, packs: String) -> Suite {
        var properties = [("as_of", asOf.iso), ("status", report.status.value.rawValue), ("scope", report.scope.value.rawValue),
                          ("reference_date", report.referenceDate.value.iso), ("language", report.language.rawValue)]
        properties.append(("profile", report.profile?.value.id ?? "none"))
        properties.append(("packs", packs))
        var cases: [Case] = []
        var covered = Set<String>()
        for r in report.results {
            covered.insert(r.rule)
            let findings = report.findings.filter { $0.ruleID == r.rule }
            var c = Case(name: "\(r.rule): \(r.title)", classname: report.file, file: report.file,
                         line: findings.first(where: \.isActive)?.start.line ?? findings.first?.start.line)
            switch r.status {
            case .pass:
                break
            case .notApplicable:
                c.skipped = true
                c.body = "<skipped message=\"\(XMLText.attribute(r.reason ?? "not applicable"))\"/>"
            case .covered:
                c.skipped = true
                c.body = "<skipped message=\"\(XMLText.attribute(r.reason ?? "covered"))\"/>"
            case .needsReview:
                c.body = "<system-out>\(XMLText.text("needs review: " + (r.reason ?? "a person must confirm this requirement")))</system-out>"
            case .fail:
                c = failing(c, findings, citation: r.citation)
            }
            cases.append(c)
        }
        // Findings of planlint's own rules, which are no requirement of a pack.
        var extra: [String: [Finding]] = [:]
        var order: [String] = []
        for f in report.findings where !covered.contains(f.ruleID) {
            if extra[f.ruleID] == nil { order.append(f.ruleID) }
            extra[f.ruleID, default: []].append(f)
        }
        for id in order {
            let findings = extra[id] ?? []
            let c = Case(name: "\(id): \(findings.first?.title ?? id)", classname: report.file, file: report.file, line: findings.first?.start.line)
            cases.append(failing(c, findings, citation: nil))
        }
        return Suite(name: report.file, properties: properties, cases: cases)
    }

    /// A case with findings: <failure> listing the active ones, or a passing case naming the
    /// suppressions when every finding is suppressed.
    private func failing(_ c: Case, _ findings: [Finding], citation: String?) -> Case {
        var c = c
        let active = findings.filter(\.isActive)
        let suppressed = findings.filter { !$0.isActive }
        var notes = suppressed.map { f -> String in
            let s = f.suppressed
            let why = s?.justification.map { ": \($0)" } ?? " (no justification)"
            return "suppressed at \(s?.location.file ?? f.file):\(s?.location.start.line ?? 0) by planlint-\(s?.directive.rawValue ?? "disable")\(why): \(location(f)) \(f.message)"
        }
        guard let first = active.first else {
            c.body = "<system-out>\(XMLText.text(notes.joined(separator: "\n")))</system-out>"
            return c
        }
        c.failed = true
        var text = active.map { f -> String in
            var s = "\(location(f)): \(f.severity.rawValue): \(f.message)"
            if let citation { s += "\n  = law: \(citation)" }
            s += "\n  = fix: \(f.remediation)"
            return s
        }.joined(separator: "\n")
        if !notes.isEmpty {
            notes.insert("", at: 0)
            text += notes.joined(separator: "\n")
        }
        let severity = active.map(\.severity).max() ?? first.severity
        c.body = "<failure type=\"\(severity.rawValue)\" message=\"\(XMLText.attribute(first.message))\">\(XMLText.text(text))</failure>"
        return c
    }

    private func location(_ f: Finding) -> String {
        if let place = f.location { return "\(f.file) (\(place.rendered(.en)))" }
        return "\(f.file):\(f.start.line):\(f.start.column)"
    }
}
