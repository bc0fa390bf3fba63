// The HTML report in a real browser: `planlint lint --format html` writes the page, headless
// Chromium renders it (the DOM after parsing, a screenshot, and a PDF through the print path),
// and the tests assert on what the browser made of it. Skipped, with a message, where Chromium
// is not installed; .ci/run installs it, so CI always runs these.
//
// PLANLINT_SCREENSHOT=path writes the screenshot of the draft's report there too
// (docs/images/council-report.png is made that way).
import Foundation
import Testing

enum Chromium {
    /// The browser on PATH, if any.
    static let path: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in dirs {
                let candidate = dir + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Runs headless Chromium on `page` with `arguments`; stops it after `timeout` seconds.
    static func run(_ arguments: [String], page: URL, profile: URL, timeout: TimeInterval = 120) throws -> RunOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "chromium")
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)"] + arguments + [page.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = DispatchTime.now() + timeout
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: watchdog)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return RunOutput(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("HTML report on the command line")
struct HTMLCommandLineTests {
    @Test("--format html writes the page to stdout and keeps the exit code of the findings")
    func formatHTML() throws {
        let r = try CLI.lint(["lint", "Examples/koskenkyla-luonnos-2026.md", "--as-of", "2026-11-22", "--format", "html"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"fi\">"))
        #expect(r.stdout.hasSuffix("</html>\n"))
        let english = try CLI.lint(["lint", "Examples/jarvela-2025.md", "--as-of", "2026-11-22", "--format", "html", "--lang", "en"])
        #expect(english.status == 0)
        #expect(english.stdout.contains("<h1>Child and youth welfare plan: compliance with the law</h1>"))
    }
}

@Suite("HTML report in headless Chromium", .thorough,
       .enabled(if: Chromium.path != nil, "chromium is not installed (apt-get install chromium); .ci/run installs it"))
struct HTMLBrowserTests {
    /// A temporary folder with the report of the example plans and a hostile plan.
    struct Rendered {
        let dir: URL
        let page: URL
        /// The same run as JSON, to know what the page must show.
        let json: [String: Any]

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-browser-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let draft = try String(contentsOf: CLI.root.appendingPathComponent("Examples/koskenkyla-luonnos-2026.md"), encoding: .utf8)
            let hostile = draft
                .replacingOccurrences(of: #"title: "Koskenkylän kunnan lasten ja nuorten hyvinvointisuunnitelma 2027–2031""#,
                                      with: #"title: "Vihamielinen <script>document.body.setAttribute('data-pwned', '1')</script> & \"lainausmerkit\"""#)
                .replacingOccurrences(of: "  body: kunnanhallitus", with: #"  body: "<img src=x onerror=\"document.body.setAttribute('data-pwned', '2')\">""#)
            try hostile.write(to: dir.appendingPathComponent("hostile.md"), atomically: true, encoding: .utf8)
            let arguments = ["lint", "Examples", dir.appendingPathComponent("hostile.md").path, "--as-of", "2026-11-22", "--format"]
            let r = try CLI.lint(arguments + ["html"])
            guard r.status == 1, r.stdout.hasPrefix("<!DOCTYPE html>") else {
                throw CLIError(message: "planlint exited \(r.status): \(r.stderr)")
            }
            page = dir.appendingPathComponent("report.html")
            try r.stdout.write(to: page, atomically: true, encoding: .utf8)
            let j = try CLI.lint(arguments + ["json"])
            json = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any] ?? [:]
        }

        var plans: [[String: Any]] { json["plans"] as? [[String: Any]] ?? [] }
        var findings: Int { plans.reduce(0) { $0 + (($1["findings"] as? [Any])?.count ?? 0) } }

        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    struct CLIError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test("The DOM Chromium builds has every plan, finding, chart and table, and no script ran")
    func renderedDOM() throws {
        let r = try Rendered()
        defer { r.remove() }
        let out = try Chromium.run(["--dump-dom"], page: r.page, profile: r.dir.appendingPathComponent("profile"))
        #expect(out.status == 0, "\(out.stderr.suffix(2000))")
        let dom = out.stdout
        let parsed = dom.hasPrefix("<!DOCTYPE html>\n<html lang=\"fi\"><head>\n<meta charset=\"utf-8\">")
        #expect(parsed, "the document as the browser parsed it")
        // The browser kept the Content-Security-Policy that forbids scripts and remote resources.
        #expect(dom.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
        let plans = r.plans.count
        #expect(plans == (try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Examples").path).count + 1))
        #expect(Self.count("<section class=\"plan\"", in: dom) == plans)
        #expect(Self.count("<article class=\"finding", in: dom) == r.findings)
        #expect(r.findings > 40, "the draft's findings, twice")
        #expect(Self.count("<svg xmlns=\"http://www.w3.org/2000/svg\"", in: dom) == plans)
        #expect(Self.count("<table class=\"grid requirements\">", in: dom) == plans)
        #expect(Self.count("<table class=\"grid requirements practice\">", in: dom) == plans, "recommendations in a table of their own")
        #expect(Self.count("<ul class=\"not-applicable\">", in: dom) == plans, "rules that do not apply: one line per reason")
        #expect(Self.count("<section class=\"appendix\"", in: dom) == 1)
        #expect(Self.count("<a href=\"#plan-", in: dom) >= plans, "the table of contents")
        #expect(dom.contains("<nav class=\"contents\""))
        // Each plan's section in its own language, with its title.
        for (i, plan) in r.plans.enumerated() {
            let lang = plan["language"] as? String ?? "?"
            #expect(dom.contains("<section class=\"plan\" id=\"plan-\(i + 1)\" lang=\"\(lang)\""))
        }
        #expect(dom.contains(">Koskenkylän kunnan lasten ja nuorten hyvinvointisuunnitelma 2027–2031</h2>"))
        #expect(dom.contains("lang=\"sv\""))
        #expect(dom.contains("<mark>kunnanhallitus</mark>"))
        #expect(dom.contains("<blockquote lang=\"fi\">… lasten- ja nuorten hyvinvointisuunnitelma, joka hyväksytään kunkin kunnan kunnanvaltuustossa"))

        // The hostile plan: its title and value are text, and nothing it carried ran.
        let pwned = dom.contains("data-pwned=\""), script = dom.contains("<script"), img = dom.contains("<img")
        #expect(!pwned)
        #expect(!script)
        #expect(!img)
        #expect(dom.contains("Vihamielinen &lt;script&gt;document.body.setAttribute('data-pwned', '1')&lt;/script&gt; &amp; \"lainausmerkit\""))
    }

    @Test("A screenshot at desktop width and a PDF through the print path, one plan per page")
    func screenshotAndPDF() throws {
        let r = try Rendered()
        defer { r.remove() }
        let png = r.dir.appendingPathComponent("report.png")
        let shot = try Chromium.run(["--screenshot=\(png.path)", "--window-size=1100,1500"], page: r.page, profile: r.dir.appendingPathComponent("profile-shot"))
        #expect(shot.status == 0, "\(shot.stderr.suffix(2000))")
        let image = try Data(contentsOf: png)
        #expect(image.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")
        // IHDR: width and height, big-endian, at bytes 16–23.
        let width = image[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = image[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1100 && height == 1500)
        #expect(image.count > 60_000, "a rendered page, not a blank one (\(image.count) bytes)")

        let pdf = r.dir.appendingPathComponent("report.pdf")
        let printed = try Chromium.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page: r.page, profile: r.dir.appendingPathComponent("profile-pdf"))
        #expect(printed.status == 0, "\(printed.stderr.suffix(2000))")
        let data = try Data(contentsOf: pdf)
        let text = String(decoding: data, as: Unicode.ASCII.self)
        #expect(text.hasPrefix("%PDF-"))
        let pages = text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
        // The contents page, then each plan starts on a page of its own.
        #expect(pages >= r.plans.count + 1, "\(pages) pages")

        if let keep = ProcessInfo.processInfo.environment["PLANLINT_SCREENSHOT"], !keep.isEmpty {
            let draft = r.dir.appendingPathComponent("draft.html")
            let one = try CLI.lint(["lint", "Examples/koskenkyla-luonnos-2026.md", "--as-of", "2026-11-22", "--format", "html"])
            try one.stdout.write(to: draft, atomically: true, encoding: .utf8)
            let docShot = try Chromium.run(["--screenshot=\(keep)", "--window-size=1100,1900"], page: draft, profile: r.dir.appendingPathComponent("profile-doc"))
            #expect(docShot.status == 0)
        }
    }
}
