/// Free text a simulated rep writes or a partner manager relays: phrases of the key points that survived,
/// distortion phrases for those that decayed.
enum DemoText {
    static func pitch(_ message: Message, remembered: [KeyPoint], distorted: [KeyPoint], random: inout SeededRandom) -> String {
        var clauses = remembered.map { self.paraphrase($0, random: &random) }
        clauses += distorted.compactMap { point in point.distortions.isEmpty ? nil : "it's great for \(random.pick(random.pick(point.distortions)))" }
        if clauses.isEmpty {
            return random.pick(["Not sure, need to check the deck.", "It's the new release, good product.", "Something about backups?"])
        }
        return "\(message.title.split(separator: " ").prefix(2).joined(separator: " ")): " + clauses.joined(separator: "; ") + "."
    }

    static func relay(_ message: Message, fidelity: Double, random: inout SeededRandom) -> String {
        var lines = ["Team, quick one on \(message.title):"]
        for point in message.keyPoints {
            if random.chance(fidelity) {
                lines.append("- " + (random.chance(0.5) ? point.text : self.paraphrase(point, random: &random)))
            } else if !point.distortions.isEmpty, random.chance(0.5) {
                lines.append("- it's aimed at \(random.pick(random.pick(point.distortions)))")
            }
        }
        lines.append("Ping me with questions.")
        return lines.joined(separator: "\n")
    }

    /// One synonym from every concept slot, which is exactly what fidelity scoring looks for.
    static func paraphrase(_ point: KeyPoint, random: inout SeededRandom) -> String {
        point.concepts.map { random.pick($0) }.joined(separator: " ")
    }

    static let pulseRemarks = [
        "Shorter updates, and a one-pager we can forward to customers.",
        "Deal registration that is approved faster.",
        "More demo licences for the sales team.",
        "Tell us about price changes before customers hear about them.",
        "A named contact for technical pre-sales.",
        "Joint marketing funds for healthcare events.",
    ]
}
