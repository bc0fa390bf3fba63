// A whole `planlint lint` run, as a library call: configuration, packs, reading and checking
// the plans, waivers, the baseline, the reports on stdout and in files, the exit code.
//
// The run streams. Plans are read and checked in batches in the order of the files (the
// plans of a batch at the same time, on all cores); each plan's outcome then goes to every
// report and is dropped. What stays for the end is what a summary needs (RunTotals), the
// baseline's keys when one is being written, and the parts of a report a format wants after
// its totals, parked in temporary files (docs/architecture.md, "A run, streamed"). So memory does
// not grow with the number of plans. Report files are written as the run goes into a
// temporary file beside the target, renamed over it at the end (AtomicFile.Writer).
//
// The command line only parses its arguments and hands them here with stdout and stderr;
// tests call it with sinks in memory.
import Foundation

/// What a lint run is asked to do: the command line's flags and options, decided.
public struct LintOptions: Sendable {
    /// The flags (paths, packs, date, language, format, outputs, baseline, --fail-on).
    public var flags: CommandLineSettings
    /// `--config`: the configuration file for every plan; nil: each plan's nearest.
    public var configFile: String?
    /// `--write-baseline`: record the run's findings in this file.
    public var writeBaseline: String?
    /// ANSI colours in the text output on stdout.
    public var color = false
    /// `--quiet`: no progress; the text format writes only its summary line, and that only
    /// when the run fails.
    public var quiet = false
    /// Show progress on stderr for runs of more than `LintSession.progressThreshold` plans
    /// (the command line sets this when stderr is a terminal).
    public var progress = false
    /// The folder paths in reports are relative to.
    public var sourceRoot = FileManager.default.currentDirectoryPath
    /// The folder relative paths (plans, --config, baselines, --output) are taken from, when
    /// it is not the process's: for running in-process as if started in another folder
    /// (tests). Reports show the paths as given. Setting it also sets `sourceRoot`.
    public var workingDirectory: String? {
        didSet { if let workingDirectory { sourceRoot = workingDirectory } }
    }
    /// Plans read and checked together; the most held in memory at once.
    public var batchSize = 16
    /// The day the run takes as today.
    public var today = PlanDate.today()

    public init(flags: CommandLineSettings = CommandLineSettings()) {
        self.flags = flags
    }
}

/// A `--output FORMAT=PATH`: a report written to a file besides the terminal output.
public struct ReportFile: Sendable, Equatable {
    public var format: String
    public var path: String

    /// Parses `FORMAT=PATH`; the message is for the user.
    public init(parsing raw: String) throws(LintSession.UsageError) {
        let known = Reporters.identifiers.joined(separator: ", ")
        guard let eq = raw.firstIndex(of: "="), !raw[raw.index(after: eq)...].isEmpty else {
            throw LintSession.UsageError("--output expects FORMAT=PATH (FORMAT one of: \(known)), got '\(raw)'")
        }
        guard Reporters.identifiers.contains(String(raw[..<eq])) else {
            throw LintSession.UsageError("--output: unknown format '\(raw[..<eq])' (known: \(known))")
        }
        format = String(raw[..<eq])
        path = String(raw[raw.index(after: eq)...])
    }

    /// Every `FORMAT=PATH`, parsed; the same path twice is an error.
    public static func parse(_ raw: [String]) throws(LintSession.UsageError) -> [ReportFile] {
        var seen = Set<String>()
        var files: [ReportFile] = []
        for r in raw {
            let file = try ReportFile(parsing: r)
            guard seen.insert(URL(fileURLWithPath: file.path).standardized.path).inserted else {
                throw LintSession.UsageError("--output: '\(file.path)' is given twice")
            }
            files.append(file)
        }
        return files
    }
}

/// Runs `planlint lint`.
public enum LintSession {
    /// Exit codes, as documented in README.md.
    public enum Exit {
        public static let success: Int32 = 0
        public static let findings: Int32 = 1
        public static let inputError: Int32 = 2
        /// EX_CANTCREAT of sysexits.h: an output file could not be written.
        public static let cannotWrite: Int32 = 73
    }

    /// A usage error (exit 64 on the command line, with its usage line).
    public struct UsageError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Progress is shown for runs of more plans than this.
    public static let progressThreshold = 20

    /// Runs the lint; reports go to `stdout` (and the report files), errors and progress to
    /// `stderr`, each neutralised for its syntax (OutputSafety). Returns the exit code.
    public static func run(_ options: LintOptions, stdout: any ReportSink, stderr: any ReportSink) throws(UsageError) -> Int32 {
        let errors = ErrorWriter(stderr)
        let place = Paths(options.workingDirectory)
        var flags = options.flags
        flags.paths = flags.paths.map(place.resolve)
        flags.packs = flags.packs.map(place.resolve)
        let runConfiguration: Configuration?
        let settings: EffectiveSettings
        do throws(InputError) {
            if let wd = options.workingDirectory, options.configFile == nil {
                runConfiguration = try ConfiguredRun.configuration(from: wd, base: place.folder)
            } else {
                runConfiguration = try ConfiguredRun.runConfiguration(explicit: options.configFile.map(place.resolve))
            }
            settings = EffectiveSettings(configuration: runConfiguration, flags: flags, today: options.today)
        } catch {
            errors.line(error.description)
            return Exit.inputError
        }
        let files = try ReportFile.parse(settings.outputs.value)
        let format = Reporters.identifiers.contains(settings.format.value) ? settings.format.value : TextReporter.identifier
        let lang = settings.lang.value
        let paths = settings.paths.value.map(place.resolve)
        let (planFiles, missing) = PlanReader.discover(paths)
        if planFiles.isEmpty && missing.isEmpty {
            errors.line("\(paths.map(place.display).joined(separator: " ")): error: no plan files (.md, .yaml, .yml, .docx, .odt, .fodt) found")
            return Exit.inputError
        }
        let day = settings.asOf.value
        let prepared: ConfiguredRun.Prepared
        do throws(InputErrors) {
            prepared = try ConfiguredRun.prepare(files: planFiles, explicit: options.configFile == nil ? nil : runConfiguration,
                                                 flags: flags, today: options.today, base: place.folder)
        } catch {
            for e in error.errors { errors.line(place.relabel(e).description) }
            return Exit.inputError
        }
        for notice in PackNotice.replaced(prepared.packs, lang ?? .en) { errors.line("planlint: " + notice) }

        // The baseline in use marks what it knows; the one being written records first.
        var matcher: Baseline.Matcher?
        if let path = settings.baseline.value {
            do throws(InputError) {
                let baseline = try Baseline.load(file: place.resolve(path))
                matcher = Baseline.Matcher(baseline, file: path, folder: URL(fileURLWithPath: place.resolve(path)).standardized.deletingLastPathComponent().path)
            } catch {
                errors.line(place.relabel(error).description)
                return Exit.inputError
            }
        }
        var recorder = options.writeBaseline.map { Baseline.Recorder(folder: URL(fileURLWithPath: place.resolve($0)).standardized.deletingLastPathComponent().path) }

        // The reports: the terminal's, and each file's.
        let context = RunContext(packs: prepared.packs, asOf: day, language: lang)
        let language = lang ?? .en
        let quietText = options.quiet && format == TextReporter.identifier
        let terminalOptions = ReportOptions(color: options.color, language: language, sourceRoot: options.sourceRoot, summaryOnly: quietText)
        // With --quiet the text summary is written only when the run fails: it waits here.
        let held = StringSink()
        let terminalSink = NeutralizingSink(quietText ? held : stdout, syntax: OutputSafety.syntax(forFormat: format), colour: options.color)
        let terminal = Reporters.make(format, options: terminalOptions)?.start(context, to: terminalSink)
        var outputs: [Output] = []
        for file in files {
            guard let reporter = Reporters.make(file.format, options: ReportOptions(color: false, language: language, sourceRoot: options.sourceRoot)) else { continue }
            do throws(AtomicFile.WriteError) {
                let writer = try AtomicFile.Writer(path: place.resolve(file.path))
                let sink = NeutralizingSink(writer, syntax: OutputSafety.syntax(forFormat: file.format))
                outputs.append(Output(file: file, writer: writer, sink: sink, stream: reporter.start(context, to: sink), failure: nil))
            } catch {
                outputs.append(Output(file: file, writer: nil, sink: nil, stream: nil, failure: error.reason))
            }
        }

        var totals = RunTotals()
        let showProgress = options.progress && !options.quiet && planFiles.count > progressThreshold
        func handle(_ outcome: PlanOutcome) {
            var outcome = outcome
            switch outcome {
            case .checked(var report):
                recorder?.record(report)
                if matcher != nil { _ = matcher!.apply(to: &report) }
                outcome = .checked(place.relabel(report))
            case .failed(let e):
                outcome = .failed(place.relabel(e))
                if showProgress { stderr.write("\r\u{1B}[K") }
                let e = place.relabel(e)
                errors.line(lang.map { e.description(in: $0) } ?? e.description)
            }
            totals.add(outcome)
            terminal?.plan(outcome)
            for o in outputs { o.stream?.plan(outcome) }
        }

        for e in missing { handle(.failed(e)) }
        let batch = max(1, options.batchSize)
        var start = 0
        while start < prepared.plans.count {
            let end = min(start + batch, prepared.plans.count)
            let first = start
            let outcomes = PlanRun.concurrently(end - start) { k in prepared.check(first + k) }
            // The texts the batch's plans were cut into are of no use to the next batch. Those
            // of the last batch stay: freeing the 100 000 texts of an 8 MB plan one by one took
            // 4% of its time just before the process ends (a later session in the same process
            // forgets them after its first batch, and the cache has a budget).
            if end < prepared.plans.count { MatcherRegistry.shared.forgetTexts() }
            for outcome in outcomes { handle(outcome) }
            start = end
            if showProgress {
                let line = Catalogue.text.progress.render(language, ["done": .number(end), "total": .number(prepared.plans.count)])
                stderr.write("\r\u{1B}[K" + line)
            }
        }
        if showProgress { stderr.write("\r\u{1B}[K") }

        // 2 when a plan could not be read, 1 when a finding that counts is at or above
        // --fail-on, else 0.
        var status = Exit.success
        if totals.unreadable > 0 {
            status = Exit.inputError
        } else if let threshold = settings.failOn.value.threshold, totals.hasFinding(atOrAbove: threshold) {
            status = Exit.findings
        }

        terminal?.finish(totals)
        terminalSink.flush()
        if quietText && status != Exit.success { stdout.write(held.text) }

        var writeFailed = false
        if let path = options.writeBaseline, let recorder {
            do throws(AtomicFile.WriteError) {
                try AtomicFile.write(recorder.baseline.encoded(), to: place.resolve(path))
            } catch {
                errors.line("\(path): error: cannot write the baseline: \(error.reason)")
                writeFailed = true
            }
        }
        for o in outputs {
            var failure = o.failure
            if let writer = o.writer {
                o.stream?.finish(totals)
                o.sink?.flush()
                do throws(AtomicFile.WriteError) {
                    try writer.commit()
                } catch {
                    failure = error.reason
                }
            }
            if let failure {
                errors.line("\(o.file.path): error: cannot write the \(o.file.format) report: \(failure)")
                writeFailed = true
            }
        }
        return writeFailed ? Exit.cannotWrite : status
    }

    /// A report file being written.
    private struct Output {
        var file: ReportFile
        var writer: AtomicFile.Writer?
        var sink: NeutralizingSink?
        var stream: (any ReportStream)?
        /// Why the file could not be opened.
        var failure: String?
    }
}

/// Paths of a run started in a working directory other than the process's: resolved for
/// reading and writing, shown as given.
struct Paths {
    let folder: String?

    init(_ folder: String?) {
        self.folder = folder.map { URL(fileURLWithPath: $0).standardized.path }
    }

    func resolve(_ path: String) -> String {
        guard let folder, !path.hasPrefix("/") else { return path }
        return path.isEmpty || path == "." ? folder : folder + "/" + path
    }

    func display(_ path: String) -> String {
        guard let folder else { return path }
        if path == folder { return "." }
        return path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }

    func relabel(_ e: InputError) -> InputError {
        guard folder != nil else { return e }
        var e = e
        e.file = display(e.file)
        return e
    }

    func relabel(_ r: PlanReport) -> PlanReport {
        guard folder != nil else { return r }
        var r = r
        r.file = display(r.file)
        for i in r.findings.indices {
            r.findings[i].file = display(r.findings[i].file)
            if let s = r.findings[i].suppressed, s.directive != .baseline { r.findings[i].suppressed?.location.file = display(s.location.file) }
        }
        r.otherSourceLines = Dictionary(r.otherSourceLines.map { (display($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        return r
    }
}

/// Error lines for stderr, their control characters and workflow commands neutralised.
struct ErrorWriter {
    let sink: any ReportSink

    init(_ sink: any ReportSink) { self.sink = sink }

    func line(_ s: String) {
        sink.write(OutputSafety.neutralize(s + "\n", .plain))
    }
}
