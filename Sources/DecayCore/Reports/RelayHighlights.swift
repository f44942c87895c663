import Foundation

/// Finds, in a relay's own text, the phrases that distort its key points, for marking on the message page.
///
/// The scorer matches normalised tokens; this looks the matched tokens up again in the text as written (any case,
/// any punctuation or spacing between words, digits with or without thousands separators), so the marks fall on
/// the partner's words. Example: a relay "Vault 3 is NOT for healthcare." with the target-market point distorted by
/// `not … healthcare` gets one highlight over "NOT for healthcare".
public enum RelayHighlights {
    /// The highlights of `points`' distortions in `text`, in text order, overlapping ones merged per key point.
    public static func find(in text: String, points: [PointScore]) -> [MessageReport.Highlight] {
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        var found: [MessageReport.Highlight] = []
        for point in points {
            guard case .distorted(let reasons) = point.status else { continue }
            for pattern in reasons.map(Self.pattern) {
                guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
                guard let match = regex.firstMatch(in: text, range: whole) else { continue }
                found.append(MessageReport.Highlight(start: match.range.location, end: match.range.location + match.range.length, keyPoint: point.keyPointID))
            }
        }
        return Self.merged(found.sorted { ($0.start, $0.end) < ($1.start, $1.end) })
    }

    /// The regular expression for one piece of evidence: its tokens in order with anything but letters and digits
    /// between them; a negation, `not just` or a changed number may stand up to 4 words before the slot it touches.
    static func pattern(_ reason: DistortionReason) -> String {
        switch reason {
        case .distortionPhrase(let match):
            return self.words(match.tokens)
        case .negatedSlot(let negation, let slot):
            return self.words([negation]) + self.gap + self.words(slot.tokens)
        case .widened(let words, let slot):
            return self.words(words.split(separator: " ").map(String.init)) + self.gap + self.words(slot.tokens)
        case .changedNumber(let found, _, _):
            return self.words(found.split(separator: " ").map(String.init))
        }
    }

    /// Up to four words between two pieces of evidence.
    static let gap = #"(?:[^\p{L}\p{N}]+[\p{L}\p{N}'’]+){0,4}?[^\p{L}\p{N}]+"#

    static func words(_ tokens: [String]) -> String {
        #"(?<![\p{L}\p{N}])"# + tokens.map(self.token).joined(separator: #"[^\p{L}\p{N}]+"#) + #"(?![\p{L}\p{N}])"#
    }

    /// A token as written: digits may carry thousands separators (`2000` matches `2,000`), anything else as is.
    static func token(_ token: String) -> String {
        guard !token.isEmpty, token.allSatisfy(\.isNumber) else { return NSRegularExpression.escapedPattern(for: token) }
        return token.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: #"[,.'\x{2009}\x{202F}\x{00A0} ]?"#)
    }

    /// Overlapping highlights of the same key point become one.
    static func merged(_ highlights: [MessageReport.Highlight]) -> [MessageReport.Highlight] {
        var result: [MessageReport.Highlight] = []
        for highlight in highlights {
            if let index = result.lastIndex(where: { $0.keyPoint == highlight.keyPoint && $0.end >= highlight.start }) {
                result[index].end = max(result[index].end, highlight.end)
            } else {
                result.append(highlight)
            }
        }
        return result
    }
}
