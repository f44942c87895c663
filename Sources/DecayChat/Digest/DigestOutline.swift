import DecayCore

/// A digest as format-neutral text: a title, a subtitle and sections of items, each item a head line with detail
/// lines. Renderers lay it out in their markup and cut whole items, never inside one, when a limit bites.
struct DigestOutline: Equatable {
    /// Text with bold runs; each renderer escapes the text and draws the bold in its own markup.
    struct Line: Equatable {
        struct Span: Equatable {
            var text: String
            var bold: Bool
        }

        var spans: [Span]

        init(_ spans: [Span]) {
            self.spans = spans
        }

        static func text(_ text: String) -> Line { Line([Span(text: text, bold: false)]) }

        /// The line without markup, for fallbacks and measuring.
        var plain: String { self.spans.map(\.text).joined() }
    }

    /// One partner, message or metric: the unit that is kept or cut whole.
    struct Item: Equatable {
        var head: Line
        var details: [Line]

        init(_ head: Line, details: [Line] = []) {
            self.head = head
            self.details = details
        }
    }

    struct Section: Equatable {
        var title: String
        var items: [Item]
        /// What the items are, for the "…and 12 more partners in the dashboard" line.
        var noun: String
    }

    var title: String
    var subtitle: String
    var sections: [Section]
    /// The manager's signed link to their dashboard, drawn last as a button or link.
    var dashboardURL: String? = nil

    /// The most items any section holds: the largest per-section cap worth trying.
    var largestSection: Int { self.sections.map(\.items.count).max() ?? 0 }

    /// The last line of a cut section.
    static func more(_ count: Int, _ noun: String) -> Line {
        .text("…and \(count) more \(noun) in the dashboard")
    }
}

/// Spans drop bidi controls, so a name cannot reverse the text after it.
extension DigestOutline.Line.Span {
    static func text(_ text: String) -> Self { Self(text: ChatEscaping.withoutBidiControls(text), bold: false) }
    static func bold(_ text: String) -> Self { Self(text: ChatEscaping.withoutBidiControls(text), bold: true) }
}
