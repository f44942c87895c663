/// Answers a simulated person gives, drawn from the forgetting curve of each key point.
enum DemoAnswers {
    static func quiz(
        _ survey: Survey, message: Message, curves: [String: ForgettingCurve], days: Double, hops: Int, random: inout SeededRandom
    ) -> [GradedAnswer] {
        var answers: [GradedAnswer] = []
        for question in survey.questions {
            switch question.kind {
            case .singleChoice, .multiChoice, .yesNo:
                guard let point = question.keyPoint, let curve = curves[point], question.isQuiz else {
                    answers.append(self.pulse(question, engagement: 0.6, random: &random))
                    continue
                }
                let choices = question.choices
                let guess = question.kind == .multiChoice ? 0 : 1 / Double(max(choices.count, 1))
                let knows = random.chance(curve.recall(days: days, hops: hops, guess: guess))
                var picked = question.correct
                if !knows {
                    let wrong = choices.map(\.id).filter { !question.correct.contains($0) }
                    if question.kind == .multiChoice, let extra = wrong.first {
                        picked = Array(question.correct.dropLast()) + [random.chance(0.6) ? extra : random.pick(wrong)]
                    } else if !wrong.isEmpty {
                        picked = [random.chance(0.6) ? wrong[0] : random.pick(wrong)]
                    }
                }
                let chosen = Array(Set(picked)).sorted()
                answers.append(GradedAnswer(
                    questionID: question.id, kind: question.kind, choices: chosen, keyPoint: point,
                    correct: chosen == question.correct.sorted()
                ))
            case .freeText:
                let points = question.keyPoints.compactMap { message.keyPoint($0) }
                var remembered: [KeyPoint] = []
                var distorted: [KeyPoint] = []
                for point in points {
                    let recall = curves[point.id]?.recall(days: days, hops: hops) ?? 0
                    if random.chance(recall) {
                        remembered.append(point)
                    } else if random.chance(0.35) {
                        distorted.append(point)
                    }
                }
                answers.append(GradedAnswer(
                    questionID: question.id, kind: .freeText,
                    text: DemoText.pitch(message, remembered: remembered, distorted: distorted, random: &random)
                ))
            case .scale:
                answers.append(self.pulse(question, engagement: 0.6, random: &random))
            }
        }
        return answers
    }

    static func pulse(_ survey: Survey, engagement: Double, random: inout SeededRandom) -> [GradedAnswer] {
        survey.questions.map { self.pulse($0, engagement: engagement, random: &random) }
    }

    /// A pulse answer: scales lean on the partner's engagement, choices are spread, free text from a few real-sounding asks.
    static func pulse(_ question: Question, engagement: Double, random: inout SeededRandom) -> GradedAnswer {
        switch question.kind {
        case .scale:
            let low = Double(question.min ?? 1), high = Double(question.max ?? 10)
            let centre = low + (high - low) * engagement
            let value = min(high, max(low, (centre + random.uniform(-2, 2)).rounded()))
            return GradedAnswer(questionID: question.id, kind: .scale, number: value)
        case .singleChoice, .yesNo:
            return GradedAnswer(questionID: question.id, kind: question.kind, choices: [random.pick(question.choices).id])
        case .multiChoice:
            let picked = question.choices.filter { _ in random.chance(0.4) }.map(\.id)
            return GradedAnswer(questionID: question.id, kind: .multiChoice, choices: picked.isEmpty ? [question.choices[0].id] : picked)
        case .freeText:
            return GradedAnswer(questionID: question.id, kind: .freeText, text: random.pick(DemoText.pulseRemarks))
        }
    }
}
