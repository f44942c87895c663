import Foundation

extension DigestBuilder {
    /// The Re-checks section: the scope's reps' re-checks and reminders sent in the week, how they went (from the
    /// messages' quiz answers and acks), those scheduled for the next 7 days, and the coaching list.
    func recheckActivity(_ input: DigestInput, scope: DigestScope) -> Digest.RecheckActivity {
        let period = input.period
        let contacts = input.contacts.filter { scope.reps.contains($0.person) }
        let inWeek = contacts.filter { $0.delivered && $0.sendAt >= period.start && $0.sendAt <= period.asOf }
        let messages = Dictionary(input.messages.map { ($0.message.id, $0) }, uniquingKeysWith: { first, _ in first })
        var answers: [String: [MessageReportInput.QuizAnswer]] = [:]
        for item in input.messages {
            for answer in item.input.answers where scope.reps.contains(answer.personID) && answer.submittedAt <= period.asOf {
                answers["\(item.message.id)\u{1}\(answer.personID)", default: []].append(answer)
            }
        }
        for key in answers.keys { answers[key]?.sort { $0.submittedAt < $1.submittedAt } }

        let rechecks = inWeek.filter { $0.kind == .recheck }
        let guesses = KnowItFigure.guesses(input.messages.flatMap(\.surveys))
        var before: [MessageReportInput.QuizAnswer] = []
        var after: [MessageReportInput.QuizAnswer] = []
        var answered = 0
        for contact in rechecks {
            let mine = answers["\(contact.message)\u{1}\(contact.person)"] ?? []
            if mine.contains(where: { $0.submittedAt > contact.sendAt }) { answered += 1 }
            for point in contact.keyPoints {
                let onPoint = mine.filter { $0.keyPointID == point }
                if let last = onPoint.last(where: { $0.submittedAt <= contact.sendAt }) { before.append(last) }
                if let next = onPoint.first(where: { $0.submittedAt > contact.sendAt }) { after.append(next) }
            }
        }
        let nudges = inWeek.filter { $0.kind == .nudge }
        let answeredAfterNudge = nudges.filter { contact in
            (answers["\(contact.message)\u{1}\(contact.person)"] ?? []).contains { $0.submittedAt > contact.sendAt }
                || (messages[contact.message]?.deliveries ?? []).contains { $0.person == contact.person && ($0.ackedAt.map { $0 > contact.sendAt && $0 <= period.asOf } ?? false) }
        }.count
        let scheduled = Set(contacts.filter { $0.kind == .recheck && $0.sendAt > period.asOf && $0.sendAt <= period.asOf.addingTimeInterval(7 * 86_400) }.map(\.person)).count
        return Digest.RecheckActivity(
            sent: Set(rechecks.map(\.person)).count, answered: answered,
            knowBefore: KnowItFigure(before, guesses: guesses), knowAfter: KnowItFigure(after, guesses: guesses),
            scheduled: scheduled, nudges: Set(nudges.map(\.person)).count, answeredAfterNudge: answeredAfterNudge,
            coaching: self.coaching(input, answers: answers))
    }

    /// Reps whose last three answers on a key point were all wrong, by name.
    private func coaching(_ input: DigestInput, answers: [String: [MessageReportInput.QuizAnswer]]) -> [Digest.Coaching] {
        let names = Dictionary(input.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var list: [Digest.Coaching] = []
        for item in input.messages {
            let texts = Dictionary(item.message.keyPoints.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
            for (key, mine) in answers where key.hasPrefix(item.message.id + "\u{1}") {
                for (point, onPoint) in Dictionary(grouping: mine, by: \.keyPointID) {
                    let last = onPoint.suffix(Digest.Coaching.missesInARow)
                    guard last.count == Digest.Coaching.missesInARow, last.allSatisfy({ !$0.correct }), let person = last.first?.personID else { continue }
                    list.append(Digest.Coaching(
                        person: person, name: names[person] ?? person, message: item.message.id, keyPoint: point,
                        keyPointText: texts[point] ?? point, misses: Digest.Coaching.missesInARow))
                }
            }
        }
        return list.sorted { ($0.name, $0.person, $0.message, $0.keyPoint) < ($1.name, $1.person, $1.message, $1.keyPoint) }
    }
}
