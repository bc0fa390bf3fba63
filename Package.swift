// swift-tools-version: 6.0
//
// planlint: a compliance checker for Finnish child and youth welfare plans.
//
// Targets, in the order data flows through them:
//   CLibYAML        the system libyaml (libyaml-dev), wrapped as a module
//   PlanLintYAML    a YAML loader on libyaml's event API: nodes with positions, limits
//   PlanLint        reading plans, the plan model, rule packs, the engine, reporters
//   planlint        the command line
//   FuzzYAML        a libFuzzer target for the YAML loader (docs/fuzzing.md)
// and the build-time pieces that embed Rules/ into the binary and list the check kinds:
//   EmbedRulePacksTool + Plugins/EmbedRulePacks
//   RegisterCheckKindsTool + Plugins/RegisterCheckKinds (one kind per file of Checks/)
// and, for packages that keep plans: `swift package lint-plans` (Plugins/LintPlans).
import PackageDescription

let package = Package(
    name: "planlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planlint", targets: ["planlint"]),
        .library(name: "PlanLint", targets: ["PlanLint"]),
        .plugin(name: "EmbedRulePacks", targets: ["EmbedRulePacks"]),
        .plugin(name: "LintPlans", targets: ["LintPlans"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "PlanLintYAML", dependencies: ["CLibYAML"]),
        .executableTarget(name: "FuzzYAML", dependencies: ["PlanLintYAML"]),
        .executableTarget(name: "EmbedRulePacksTool"),
        .plugin(
            name: "EmbedRulePacks",
            capability: .buildTool(),
            dependencies: ["EmbedRulePacksTool"]
        ),
        .executableTarget(name: "RegisterCheckKindsTool"),
        .plugin(
            name: "RegisterCheckKinds",
            capability: .buildTool(),
            dependencies: ["RegisterCheckKindsTool"]
        ),
        .target(
            name: "PlanLint",
            dependencies: ["PlanLintYAML", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            plugins: [.plugin(name: "EmbedRulePacks"), .plugin(name: "RegisterCheckKinds")]
        ),
        // Reads the package and prints planlint's report: no permission needed.
        .plugin(
            name: "LintPlans",
            capability: .command(
                intent: .custom(verb: "lint-plans", description: "Check the package's child and youth welfare plans with planlint")
            ),
            dependencies: ["planlint"]
        ),
        .executableTarget(
            name: "planlint",
            dependencies: [
                "PlanLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlanLintYAMLTests", dependencies: ["PlanLintYAML"]),
        .testTarget(
            name: "PlanLintTests",
            dependencies: ["PlanLint", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // The golden reports are read from the source tree (Repo.root), not bundled.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "PlanLintCLITests",
            dependencies: ["planlint", "PlanLint"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
