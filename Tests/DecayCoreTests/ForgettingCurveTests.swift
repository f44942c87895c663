import Testing

@testable import DecayCore

@Suite("Forgetting curve")
struct ForgettingCurveTests {
    @Test(arguments: [0.5, 1.0, 2.0])
    func learnedPartHalvesAtTheHalfLife(shape: Double) {
        let curve = ForgettingCurve(initial: 0.9, halfLife: 30, rho: 0.8, shape: shape)
        #expect(abs(curve.recall(days: 30, hops: 0) - 0.45) < 1e-12)
        #expect(abs(curve.recall(days: 0, hops: 2) - 0.9 * 0.64) < 1e-12)
    }

    @Test func guessingFloorHoldsForever() {
        let curve = ForgettingCurve(initial: 1, halfLife: 10, rho: 1)
        #expect(abs(curve.recall(days: 1e9, hops: 0, guess: 0.25) - 0.25) < 1e-6)
        #expect(curve.recall(days: 0, hops: 0, guess: 0.25) == 1)
    }
}
