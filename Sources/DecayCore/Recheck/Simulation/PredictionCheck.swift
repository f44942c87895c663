/// Sums of the per-rep model's predictions and the truth at its decisions, for ``RecheckSimulationResult/ModelCheck``.
struct PredictionCheck: Sendable {
    var count = 0
    var predicted = 0.0
    var truth = 0.0
    var squaredError = 0.0
    var predictedSquared = 0.0
    var truthSquared = 0.0
    var product = 0.0

    mutating func add(predicted: Double, truth: Double) {
        self.count += 1
        self.predicted += predicted
        self.truth += truth
        self.squaredError += (predicted - truth) * (predicted - truth)
        self.predictedSquared += predicted * predicted
        self.truthSquared += truth * truth
        self.product += predicted * truth
    }

    var summary: RecheckSimulationResult.ModelCheck {
        guard self.count > 0 else {
            return RecheckSimulationResult.ModelCheck(decisions: 0, meanPredicted: 0, meanTruth: 0, rootMeanSquaredError: 0, correlation: 0)
        }
        let n = Double(self.count)
        let meanPredicted = self.predicted / n
        let meanTruth = self.truth / n
        let covariance = self.product / n - meanPredicted * meanTruth
        let spread = (self.predictedSquared / n - meanPredicted * meanPredicted) * (self.truthSquared / n - meanTruth * meanTruth)
        return RecheckSimulationResult.ModelCheck(
            decisions: self.count, meanPredicted: meanPredicted, meanTruth: meanTruth, rootMeanSquaredError: (self.squaredError / n).squareRoot(),
            correlation: spread > 0 ? covariance / spread.squareRoot() : 0)
    }
}
