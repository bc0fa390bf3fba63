// The planlint command line: `planlint lint`, `planlint rules list|explain|test`, `planlint config`, `planlint init`.
//
// Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 a plan, pack, configuration or
// baseline could not be loaded, 64 usage, 73 a report or baseline file could not be written.
// Errors are printed to stderr as `file:line:column: error: message`, whatever the format.
import ArgumentParser
import Foundation
import PlanLint

#if canImport(Glibc)
import Glibc
#endif

@main
struct PlanLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planlint",
        abstract: "Checks Finnish child and youth welfare plans against the law (Lastensuojelulaki 12 §) and good practice.",
        discussion: """
            Commands:
              planlint lint [PATH…]        check plans (the default command)
              planlint rules list          the rules of the loaded packs
              planlint rules explain ID    what a rule checks, its law, examples
              planlint rules test          run the rules' example plans
              planlint config [PATH]       the effective configuration
              planlint init [plan]         a configuration and a local pack, or a plan
              planlint schema [NAME]       JSON Schemas for editors and CI
            Exit codes: 0 passed; 1 findings at or above --fail-on;
            2 a plan or pack could not be read; 64 usage;
            73 a report file could not be written.
            """,
        version: PlanLintVersion.current,
        subcommands: [Lint.self, Rules.self, Facts.self, ConfigCommand.self, InitCommand.self, SchemaCommand.self],
        defaultSubcommand: Lint.self
    )

    /// The commands and their subcommands, for did-you-mean on a mistyped command.
    static let commands: [String: [String]] = [
        "lint": [], "rules": ["list", "explain", "test"], "config": [], "init": [], "schema": [], "help": [],
    ]

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = Suggestions.unknownCommand(arguments, commands: commands, order: ["lint", "rules", "config", "init", "schema", "help"], pathExists: { FileManager.default.fileExists(atPath: $0) }) {
            printError("planlint: error: " + message)
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// Exit codes, as documented in README.md.
enum Exit {
    static let findings = ExitCode(1)
    static let inputError = ExitCode(2)
    /// EX_CANTCREAT of sysexits.h: an output file could not be written.
    static let cannotWrite = ExitCode(73)
}

extension PlanDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}

extension Language: ExpressibleByArgument {}

/// A `--format` name: one of `Reporters.all`.
struct OutputFormat: ExpressibleByArgument, Equatable {
    var name: String

    init?(argument: String) {
        guard Reporters.identifiers.contains(argument) else { return nil }
        name = argument
    }

    private init(name: String) {
        self.name = name
    }

    static var allValueStrings: [String] { Reporters.identifiers }
    var defaultValueDescription: String { name }

    static let text = OutputFormat(name: TextReporter.identifier)
}

/// An `--output FORMAT=PATH`, checked while the arguments are parsed.
struct OutputFile {
    var file: ReportFile

    init(parsing raw: String) throws(ValidationError) {
        do throws(LintSession.UsageError) {
            file = try ReportFile(parsing: raw)
        } catch {
            throw ValidationError(error.message)
        }
    }
}

enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never
}

struct PackOptions: ParsableArguments {
    @Option(name: .customLong("pack"), help: ArgumentHelp("A rule pack folder to use besides the embedded packs (repeatable).", valueName: "dir"))
    var packs: [String] = []

    @Flag(name: .customLong("no-default-packs"), help: "Do not use the packs built into planlint.")
    var noDefaultPacks = false

    @Option(name: .customLong("exclude-pack"), help: ArgumentHelp("Leave out a pack by id, e.g. fi-suositukset (repeatable).", valueName: "id"))
    var excludePacks: [String] = []

    func load(checkingEmbedded: Bool = false) throws -> [RulePack] {
        let (directories, excluded) = try configured()
        do {
            return try PackSet.load(directories: directories, includeEmbedded: !noDefaultPacks, excluding: excluded, checkingEmbedded: checkingEmbedded)
        } catch {
            for e in error.errors { printError(e.description) }
            throw Exit.inputError
        }
    }

    /// The packs combined into an engine; pack errors are printed and exit 2.
    func engine(checkingEmbedded: Bool = false) throws -> Engine {
        let packs = try load(checkingEmbedded: checkingEmbedded)
        let plugins = try configuredPlugins()
        do {
            var engine = try Engine(packs: packs)
            engine.plugins = plugins
            return engine
        } catch {
            for e in error.errors { printError(e.description) }
            throw Exit.inputError
        }
    }
}

/// Writes a line to stderr, its control characters and workflow commands neutralised.
func printError(_ s: String) {
    FileHandle.standardError.write(Data(OutputSafety.neutralize(s + "\n", .plain).utf8))
}

/// Writes to stdout, neutralised for the syntax of the format (OutputSafety).
func writeOutput(_ s: String, _ syntax: OutputSafety.Syntax = .plain, colour: Bool = false) {
    FileHandle.standardOutput.write(Data(OutputSafety.neutralize(s, syntax, colour: colour).utf8))
}

func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

struct Lint: ParsableCommand {
    // Every command names itself: without a name ArgumentParser derives it from the type by
    // reflection, several million instructions at each start.
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check plans (files, or folders searched for .md, .yaml, .yml, .docx, .odt and .fodt).")

    @Argument(help: ArgumentHelp("Plan files or folders; default: the configuration's paths, else the current folder.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var packOptions: PackOptions

    @OptionGroup var configOptions: ConfigurationOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to check on (YYYY-MM-DD or d.m.yyyy); default: today.", valueName: "date"))
    var asOf: PlanDate?

    @Option(help: ArgumentHelp("Language of messages: fi, sv or en; default: each plan's own language.", valueName: "lang"))
    var lang: Language?

    @Option(help: ArgumentHelp("Output format: text (findings), compliance (the result of every requirement), html (the report for the council), json, or one for CI (README.md, Output formats); default: text.", valueName: "format"))
    var format: OutputFormat?

    @Option(name: .customLong("output"),
            help: ArgumentHelp("Also write a report to a file, e.g. sarif=planlint.sarif (repeatable). Files are replaced atomically.",
                               valueName: "format=path"))
    var outputs: [String] = []

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: error, warning, info or never; default: error.")
    var failOn: FailOn?

    @Flag(name: [.short, .long], help: "No progress; text format: only the summary line, and nothing when the exit code is 0.")
    var quiet = false

    @Option(help: ArgumentHelp("Colours in the text output: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorMode = .auto

    func validate() throws {
        var paths = Set<String>()
        for raw in outputs {
            let file = try OutputFile(parsing: raw).file
            let key = URL(fileURLWithPath: file.path).standardized.path
            guard paths.insert(key).inserted else { throw ValidationError("--output: '\(file.path)' is given twice") }
        }
    }

    /// Hands the run to the library (LintSession) with stdout and stderr.
    func run() throws {
        // A write past a file size limit must fail as an error (exit 73), not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        var options = LintOptions(flags: commandLineSettings())
        options.configFile = configOptions.config
        options.writeBaseline = configOptions.writeBaseline
        switch color {
        case .always: options.color = true
        case .never: options.color = false
        case .auto: options.color = isTerminal(STDOUT_FILENO) && (ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
        }
        options.quiet = quiet
        options.progress = isTerminal(STDERR_FILENO)
        let status: Int32
        do throws(LintSession.UsageError) {
            status = try LintSession.run(options, stdout: FileDescriptorSink.standardOutput, stderr: FileDescriptorSink.standardError)
        } catch {
            throw ValidationError(error.message)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or explain one.",
        subcommands: [List.self, Explain.self, Test.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules of the loaded packs.")

        @OptionGroup var packOptions: PackOptions

        @Option(help: ArgumentHelp("Language: fi, sv or en.", valueName: "lang"))
        var lang: Language = .en

        @Option(help: "text, or markdown (the table of docs/rules.md).")
        var format: ListFormat = .text

        enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown }

        func run() throws {
            let packs = try packOptions.load()
            if format == .markdown {
                writeOutput(RuleTable.markdown(packs), .markdown)
                return
            }
            writeOutput(RuleTable.text(packs, language: lang))
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test", abstract: "Run every rule's passing and failing example plans.")

        @OptionGroup var packOptions: PackOptions

        @Option(name: .customLong("rule"), help: ArgumentHelp("Test only this rule's examples (repeatable).", valueName: "id"))
        var rules: [String] = []

        @Flag(name: .customLong("all-packs"), help: "With --pack: also test the packs it extends (by default only the packs given with --pack).")
        var allPacks = false

        func run() throws {
            // The embedded packs' regular expressions are checked here, not at every start-up.
            let engine = try packOptions.engine(checkingEmbedded: true)
            // With --pack, the local packs are tested on their own, with the packs they extend loaded.
            let local = Set(engine.packs.filter { !$0.origin.hasPrefix("embedded:") }.map(\.id))
            let tested: Set<String>? = (packOptions.packs.isEmpty || allPacks || local.isEmpty) ? nil : local
            let results: [ExampleResult]
            switch ExampleReport.select(ExampleRunner.run(engine, packs: tested), packs: tested, rules: rules) {
            case .success(let r): results = r
            case .failure(let e):
                printError(e.message)
                throw ExitCode.validationFailure
            }
            var failed = 0
            for line in results.compactMap(\.failureLine) {
                failed += 1
                writeOutput(line + "\n")
            }
            // A base-form term (=lapsi) Voikko does not know can never match.
            let passed = results.count - failed
            if let problems = BaseFormCheck.problems() {
                for p in problems { writeOutput("FAIL \(p)\n") }
                failed += problems.count
            } else {
                writeOutput("note: base-form terms were not checked: \(BaseFormCheck.morphologyWarning ?? "morphology is off")\n")
            }
            for line in ExampleReport.perPack(results, packs: engine.packs) { writeOutput(line + "\n") }
            writeOutput("\(passed) passed, \(failed) failed\n")
            if failed > 0 { throw Exit.findings }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: what it checks, the law it cites, its examples.")

        @Argument(help: "The rule id, e.g. LSL-12-1-REVIEW-4Y.")
        var id: String

        @OptionGroup var packOptions: PackOptions

        @Option(help: ArgumentHelp("Language: fi, sv or en.", valueName: "lang"))
        var lang: Language = .en

        func run() throws {
            let packs = try packOptions.load()
            let rule: Rule, pack: RulePack
            switch Suggestions.rule(id, in: packs) {
            case .success(let found): (rule, pack) = found
            case .failure(let notFound):
                printError(notFound.message)
                throw ExitCode.validationFailure
            }
            writeOutput(RuleExplanation.text(rule, pack: pack, language: lang, profiles: packs.flatMap(\.profiles),
                                             values: RuleExplanation.valueLabels(packs)))
        }
    }
}

/// `planlint facts FILE…`: what planlint believes about each plan, and where it came from.
struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Show every fact planlint reads from a plan, with its origin (front matter, sidecar, the prose and its position), and the values decided from them (status, scope, reference date, law profile, …) with the reason.")

    @OptionGroup var packOptions: PackOptions

    @Argument(help: "Plan files.")
    var files: [String]

    @Flag(help: "JSON instead of text.")
    var json = false

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to decide on (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: PlanDate?

    @Option(help: ArgumentHelp("Language: fi, sv or en; default: each plan's own language.", valueName: "lang"))
    var lang: Language?

    func run() throws {
        let engine = try packOptions.engine()
        let day = asOf ?? PlanDate.today()
        var all: [PlanFacts] = []
        var failed = false
        for file in files {
            do throws(InputError) {
                all.append(engine.facts(try PlanReader.read(file: file), asOf: day, language: lang))
            } catch {
                printError(lang.map { error.description(in: $0) } ?? error.description)
                failed = true
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(all)) ?? Data("[]".utf8)
            writeOutput(String(decoding: data, as: UTF8.self) + "\n", .json)
        } else {
            writeOutput(all.map { FactsText.render($0, language: lang ?? $0.language) }.joined(separator: "\n"))
        }
        if failed { throw Exit.inputError }
    }
}
