/// A small seeded generator (a 64-bit LCG with an output shift), so random test cases are the same on every run.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64

    /// Starts from `state`.
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}

extension UInt64 {
    /// Lets a plain seed be passed as `using: &seed.generator`.
    public var generator: SeededGenerator {
        get { SeededGenerator(state: self) }
        set { self = newValue.state }
    }
}
