// Resource limits: input size, nesting depth, node count and alias expansion, each failing
// early with a clear error where the limit was crossed.

import PlanLintYAML
import Testing

@Suite("Limits")
struct LimitTests {
    @Test("the defaults")
    func defaults() {
        let limits = YAMLLimits.default
        #expect(limits.maxInputBytes == 8 * 1024 * 1024)
        #expect(limits.maxDepth == 128)
        #expect(limits.maxNodes == 200_000)
        #expect(limits.maxAliasExpansion == 10_000)
        #expect(YAMLLimits(maxDepth: 3).maxNodes == 200_000)
    }

    @Test("an input over the size limit is rejected before parsing")
    func tooLarge() {
        // 9.2 MB of bytes that would be an encoding error if libyaml ever read them.
        let bytes = [UInt8](repeating: 0xFF, count: 9_646_899)
        let error = loadError(bytes: bytes)
        #expect(error?.kind == .tooLarge)
        #expect(error?.description == "plan.yaml:1:1: document is 9.2 MB; the limit is 8.0 MB")
        #expect(error?.position == pos(1, 1, 0))
        // Embedded YAML reports the position of its first byte.
        #expect(loadError(bytes: bytes, base: pos(2, 1, 4))?.position == pos(2, 1, 4))
    }

    @Test("small limits are reported in bytes or KB")
    func smallSizes() {
        let text = String(repeating: "- ab\n", count: 30)  // 150 bytes
        #expect(loadError(text, limits: YAMLLimits(maxInputBytes: 100))?.message
            == "document is 150 bytes; the limit is 100 bytes")
        #expect(loadError(String(repeating: "#", count: 3_000), limits: YAMLLimits(maxInputBytes: 2_048))?.message
            == "document is 2.9 KB; the limit is 2.0 KB")
        #expect(loadError(text, limits: YAMLLimits(maxInputBytes: 150)) == nil)
    }

    @Test("deep flow nesting stops at the 129th level, at once")
    func deepFlowNesting() {
        // libyaml alone would take seconds on this (quadratic in depth).
        let error = loadError(String(repeating: "[", count: 200_000))
        #expect(error?.kind == .tooDeep)
        #expect(error?.description == "plan.yaml:1:129: nesting deeper than 128 levels")
        #expect(error?.position.offset == 128)
    }

    @Test("exactly the depth limit is fine; one more level is not")
    func depthBoundary() throws {
        let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect(loadError(ok) == nil)
        let block = "a:\n  b:\n    c: 1\n"
        #expect(loadError(block, limits: YAMLLimits(maxDepth: 3)) == nil)
        let deeper = "a:\n  b:\n    c:\n      - d\n"
        let error = loadError(deeper, limits: YAMLLimits(maxDepth: 3))
        #expect(error?.description == "plan.yaml:4:7: nesting deeper than 3 levels")
        #expect(error?.position.offset == 21)
    }

    @Test("the node limit counts every node, keys included")
    func tooManyNodes() {
        let limits = YAMLLimits(maxNodes: 5)
        #expect(loadError("[1, 2, 3, 4]", limits: limits) == nil)
        let error = loadError("[1, 2, 3, 4, 5]", limits: limits)
        #expect(error?.kind == .tooManyNodes)
        #expect(error?.description == "plan.yaml:1:14: document has more than 5 nodes")
        // mapping + 2 keys + 2 values = 5
        #expect(loadError("{a: 1, b: 2}", limits: limits) == nil)
        #expect(loadError("{a: 1, b: 2, c: 3}", limits: limits)?.position == pos(1, 14, 13))
    }

    @Test("the node limit counts what aliases copy")
    func aliasNodesCount() {
        // mapping, a, [1, 2] (3 nodes), b, *x (3 nodes) = 9
        let text = "a: &x [1, 2]\nb: *x\n"
        #expect(loadError(text, limits: YAMLLimits(maxNodes: 9)) == nil)
        let error = loadError(text, limits: YAMLLimits(maxNodes: 8))
        #expect(error?.description == "plan.yaml:2:4: document has more than 8 nodes")
    }

    @Test("alias expansion is budgeted by the nodes each alias copies")
    func aliasBudget() {
        let text = "a: &x [1, 2]\nb: *x\nc: *x\n"
        #expect(loadError(text, limits: YAMLLimits(maxAliasExpansion: 6)) == nil)
        let error = loadError(text, limits: YAMLLimits(maxAliasExpansion: 5))
        #expect(error?.kind == .aliasExpansion)
        #expect(error?.description == "plan.yaml:3:4: aliases expand to more than 5 nodes")
    }

    @Test("a billion-laughs document fails fast")
    func billionLaughs() {
        var lines = ["lol: &lol lol"]
        lines.append("lol1: &lol1 [" + Array(repeating: "*lol", count: 9).joined(separator: ",") + "]")
        for level in 2...9 {
            let items = Array(repeating: "*lol\(level - 1)", count: 9).joined(separator: ",")
            lines.append("lol\(level): &lol\(level) [\(items)]")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let clock = ContinuousClock()
        let started = clock.now
        let error = loadError(text)
        let elapsed = clock.now - started
        #expect(error?.kind == .aliasExpansion)
        // lol4 holds 7,381 nodes; the first *lol4 in lol5 takes the total past 10,000.
        #expect(error?.description == "plan.yaml:6:14: aliases expand to more than 10000 nodes")
        #expect(error?.position.offset == lines[0..<5].reduce(0) { $0 + $1.utf8.count + 1 } + 13)
        #expect(elapsed < .milliseconds(500))
    }

    @Test("limits near Int.max do not overflow")
    func hugeLimits() {
        let limits = YAMLLimits(maxNodes: .max, maxAliasExpansion: .max)
        var lines = ["l0: &l0 [x, x]"]
        for level in 1...70 { lines.append("l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]") }
        // 2^70 nodes would overflow Int; the counts saturate and the load still succeeds
        // (the copies share storage).
        #expect(loadError(lines.joined(separator: "\n"), limits: limits) == nil)
    }
}
