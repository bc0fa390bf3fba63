// Generated test inputs that are the same on every run, so a failure repeats.

/// A seeded generator (SplitMix64), so that generated inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    /// `count` texts of `words` (between `length` of them each), each followed by one of
    /// `stops`, drawn from this generator.
    mutating func texts(_ count: Int, of words: [String], stops: [String], length: ClosedRange<Int>) -> [String] {
        (0..<count).map { _ in
            var t = ""
            for _ in 0..<Int.random(in: length, using: &self) {
                t += words.randomElement(using: &self)! + stops.randomElement(using: &self)!
            }
            return t
        }
    }
}
