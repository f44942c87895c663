import Foundation

extension ForgettingObjective {
    /// Decoded parameters and the derivative factors every cell shares, for one evaluation.
    struct CellCurve {
        var initial: [Double]
        var halfLife: [Double]
        /// d(log h)/d(coordinate) per key point.
        var halfLifeSlope: [Double]
        var rhoPowers: [Double]
        var rho: Double
        /// Coordinate of `rho`, or -1 when it is not fitted.
        var rhoIndex: Int
        var shape: Double
        var shapeSlope: Double
        /// Coordinate of the shape, or -1 when it is fixed.
        var shapeIndex: Int
        /// `c = 2^(1/d) - 1` and its derivative in `d`.
        var scale: Double
        var scaleSlope: Double
    }

    /// Adds every cell's negative log-likelihood (when `likelihood`) and its score and Fisher information (when
    /// `derivatives`); returns the likelihood part. The hot loop of every fit, so it reads the flat arrays unchecked.
    func cellTerms(
        _ curve: CellCurve, derivatives: Bool, likelihood: Bool, gradient: inout [Double], hessian: inout [Double]
    ) -> Double {
        let count = self.parameterCount
        let cells = self.cells
        var total = 0.0
        var indexes: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var slopes: (Double, Double, Double, Double) = (0, 0, 0, 0)
        gradient.withUnsafeMutableBufferPointer { gradient in
            hessian.withUnsafeMutableBufferPointer { hessian in
                for cell in 0..<cells.count {
                    let correctWeight = cells.correctWeight[cell]
                    let wrongWeight = cells.wrongWeight[cell]
                    let weight = correctWeight + wrongWeight
                    if weight == 0 { continue }
                    let key = cells.keyPoint[cell]
                    let hops = cells.hops[cell]
                    let guess = cells.guess[cell]
                    let ratio = cells.days[cell] / curve.halfLife[key]
                    let spread = curve.scale * ratio
                    let survival = curve.shape == 1 ? 1 / (1 + spread) : exp(-curve.shape * log1p(spread))
                    let learned = curve.initial[key] * curve.rhoPowers[hops] * survival
                    let probability = guess + (1 - guess) * learned
                    let clamped = min(max(probability, Self.probabilityFloor), 1 - Self.probabilityFloor)
                    if likelihood {
                        if correctWeight > 0 { total -= correctWeight * log(clamped) }
                        if wrongWeight > 0 { total -= wrongWeight * log(1 - clamped) }
                    }
                    guard derivatives, clamped == probability else { continue }
                    let base = (1 - guess) * learned
                    var used = 2
                    indexes.0 = 2 * key
                    slopes.0 = base * (1 - curve.initial[key])
                    indexes.1 = 2 * key + 1
                    slopes.1 = base * curve.shape * spread / (1 + spread) * curve.halfLifeSlope[key]
                    if curve.rhoIndex >= 0 {
                        indexes.2 = curve.rhoIndex
                        slopes.2 = base * Double(hops) * (1 - curve.rho)
                        used = 3
                    }
                    if curve.shapeIndex >= 0 {
                        let slope = base * (-log1p(spread) - curve.shape * ratio * curve.scaleSlope / (1 + spread)) * curve.shapeSlope
                        if used == 3 {
                            indexes.3 = curve.shapeIndex
                            slopes.3 = slope
                        } else {
                            indexes.2 = curve.shapeIndex
                            slopes.2 = slope
                        }
                        used += 1
                    }
                    let variance = probability * (1 - probability)
                    let residual = (weight * probability - correctWeight) / variance
                    let information = weight / variance
                    withUnsafeBytes(of: indexes) { indexBytes in
                        withUnsafeBytes(of: slopes) { slopeBytes in
                            let index = indexBytes.bindMemory(to: Int.self)
                            let slope = slopeBytes.bindMemory(to: Double.self)
                            for first in 0..<used {
                                gradient[index[first]] += residual * slope[first]
                                let row = index[first] * count
                                let scaled = information * slope[first]
                                for second in 0..<used {
                                    hessian[row + index[second]] += scaled * slope[second]
                                }
                            }
                        }
                    }
                }
            }
        }
        return total
    }
}
