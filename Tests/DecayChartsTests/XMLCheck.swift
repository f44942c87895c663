import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses chart markup with Foundation's XML parser and keeps what the tests look at: whether it is well formed,
/// the root's attributes, the text of `<title>`/`<desc>` by id, and every element with its attributes.
final class XMLCheck: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var depth: Int
    }

    private(set) var elements: [Element] = []
    private(set) var texts: [String: String] = [:]
    private(set) var error: String?
    private var stack: [(name: String, id: String?)] = []
    private var buffer = ""

    init(_ markup: String) {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        if !parser.parse() {
            self.error = parser.parserError.map { "\($0)" } ?? "unknown parse error"
        }
    }

    var isWellFormed: Bool { self.error == nil }
    var root: Element? { self.elements.first }

    /// Elements named `name` (shapes carrying data are rects, circles, paths and lines).
    func all(_ name: String) -> [Element] {
        self.elements.filter { $0.name == name }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        self.elements.append(Element(name: elementName, attributes: attributeDict, depth: self.stack.count))
        self.stack.append((elementName, attributeDict["id"]))
        self.buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        self.buffer += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if let top = self.stack.popLast(), let id = top.id, top.name == "title" || top.name == "desc" {
            self.texts[id] = self.buffer
        }
        self.buffer = ""
    }
}
