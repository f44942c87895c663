import Foundation

extension PulseReport {
    /// Builds the report as of `asOf` from the pulse surveys and their answers (answers after `asOf` are ignored).
    public init(surveys: [Survey], answers: [PulseAnswer], asOf: Date) {
        let quarter = CalendarQuarter(containing: asOf)
        let previous = quarter.previous
        let pulse = surveys.filter { $0.message == nil }.sorted { $0.id < $1.id }
        let bySurvey = Dictionary(grouping: answers.filter { $0.submittedAt <= asOf }, by: \.surveyID)
        self.init(
            asOf: asOf, quarter: quarter.description, previousQuarter: previous.description,
            surveys: pulse.map { survey in
                Self.survey(survey, answers: bySurvey[survey.id] ?? [], current: quarter.start..<min(quarter.end, asOf.addingTimeInterval(1)),
                            previous: previous.start..<previous.end)
            }
        )
    }

    private static func survey(_ survey: Survey, answers: [PulseAnswer], current: Range<Date>, previous: Range<Date>) -> PulseSurvey {
        let byQuestion = Dictionary(grouping: answers, by: \.questionID)
        let questions = survey.questions.filter { $0.kind != .freeText }.map { question in
            let all = byQuestion[question.id] ?? []
            return Self.question(question, now: Self.latestPerPerson(all, in: current), before: Self.latestPerPerson(all, in: previous))
        }
        let freeText = Set(survey.questions.filter { $0.kind == .freeText }.map(\.id))
        let comments = answers
            .filter { freeText.contains($0.questionID) && current.contains($0.submittedAt) }
            .compactMap { answer -> PulseComment? in
                guard let text = answer.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
                return PulseComment(partnerID: answer.partnerID, partnerName: answer.partnerName, questionID: answer.questionID,
                                    submittedAt: answer.submittedAt, text: text)
            }
            .sorted { ($0.submittedAt, $0.partnerID) > ($1.submittedAt, $1.partnerID) }
        return PulseSurvey(id: survey.id, title: survey.title, questions: questions, comments: comments)
    }

    /// Each person's latest answer within `period`.
    static func latestPerPerson(_ answers: [PulseAnswer], in period: Range<Date>) -> [PulseAnswer] {
        var latest: [String: PulseAnswer] = [:]
        for answer in answers where period.contains(answer.submittedAt) {
            if let kept = latest[answer.personID], kept.submittedAt >= answer.submittedAt { continue }
            latest[answer.personID] = answer
        }
        return latest.values.sorted { $0.personID < $1.personID }
    }

    private static func question(_ question: Question, now: [PulseAnswer], before: [PulseAnswer]) -> PulseQuestion {
        func groups(_ key: (PulseAnswer) -> (id: String, name: String)) -> [PulseGroup] {
            var names: [String: String] = [:]
            for answer in now + before { names[key(answer).id] = key(answer).name }
            let nowByGroup = Dictionary(grouping: now) { key($0).id }
            let beforeByGroup = Dictionary(grouping: before) { key($0).id }
            return names.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map { id, name in
                Self.group(question, id: id, name: name, now: nowByGroup[id] ?? [], before: beforeByGroup[id] ?? [])
            }
        }
        return PulseQuestion(
            id: question.id, prompt: question.prompt, kind: question.kind.rawValue,
            min: question.kind == .scale ? question.min ?? 1 : nil, max: question.kind == .scale ? question.max ?? 5 : nil,
            options: question.kind == .scale ? [] : question.choices.map { PulseQuestion.Option(id: $0.id, text: $0.text) },
            overall: Self.group(question, id: "all", name: "All partners", now: now, before: before),
            categories: groups { ($0.category, $0.category.isEmpty ? "(no category)" : $0.category) },
            tiers: groups { ($0.tier, $0.tier.isEmpty ? "(no tier)" : $0.tier) },
            partners: groups { ($0.partnerID, $0.partnerName) }
        )
    }

    static func group(_ question: Question, id: String, name: String, now: [PulseAnswer], before: [PulseAnswer]) -> PulseGroup {
        let shown = now.count >= Proportion.minimumPeople
        var group = PulseGroup(
            id: id, name: name, people: now.count, previousPeople: before.count,
            withheld: shown ? nil : "fewer than \(Proportion.minimumPeople) people")
        if question.kind == .scale {
            let scale = Double(question.min ?? 1)...Double(max(question.min ?? 1, question.max ?? 5))
            let mean = MeanFigure(now.compactMap(\.number), within: scale)
            let previousMean = MeanFigure(before.compactMap(\.number), within: scale)
            group.mean = mean
            group.previousMean = previousMean
            if let current = mean.mean, let earlier = previousMean.mean { group.meanChange = current - earlier }
            if shown {
                let low = question.min ?? 1
                let high = question.max ?? 5
                group.distribution = (low...max(low, high)).map { value in
                    PulseGroup.ValueCount(value: value, count: now.filter { $0.number == Double(value) }.count)
                }
            }
        } else if shown {
            group.shares = question.choices.map { option in
                let share = ShareFigure(Proportion(successes: now.filter { $0.choices.contains(option.id) }.count, trials: now.count))
                let previous = before.count < Proportion.minimumPeople ? nil
                    : ShareFigure(Proportion(successes: before.filter { $0.choices.contains(option.id) }.count, trials: before.count))
                let change = share.rate.flatMap { current in previous?.rate.map { current - $0 } }
                return PulseGroup.OptionShare(option: option.id, share: share, previous: previous, change: change)
            }
        }
        return group
    }
}
