@testable import DecayChat
import DecayCore
import Testing

/// The cutting rule: whole paragraphs first, then sentences, then words, always ending with the notice.
struct TextBudgetTests {
    @Test func keepsTextThatFits() {
        #expect(TextBudget.cut("Short text.", limit: 100) == "Short text.")
    }

    @Test func cutsAtParagraph() {
        let text = "First paragraph is here.\n\nSecond paragraph is a bit longer than the first."
        #expect(TextBudget.cut(text, limit: 60) == "First paragraph is here.\n\nMore in the dashboard")
    }

    @Test func cutsAtSentenceWhenParagraphKeepsTooLittle() {
        let text = "One. Two words here. Three more words follow here. And then four more words at the end."
        let cut = TextBudget.cut(text, limit: 75)
        #expect(cut == "One. Two words here. Three more words follow here.\n\nMore in the dashboard")
    }

    @Test func cutsAtWordWithoutSentences() {
        let text = String(repeating: "word ", count: 100)
        let cut = TextBudget.cut(text, limit: 80)
        #expect(cut.utf16.count <= 80)
        #expect(cut.hasSuffix("word\n\nMore in the dashboard"))
    }

    @Test func clipsLabelsWithEllipsis() {
        let clipped = TextBudget.clip("Mid-market healthcare providers everywhere", limit: 30)
        #expect(clipped == "Mid-market healthcare…")
        #expect(clipped.utf16.count <= 30)
    }
}
