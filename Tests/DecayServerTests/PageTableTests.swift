@testable import DecayServer
import Synchronization
import Testing

/// A dashboard table and its CSV: the same rows, counts without thousands separators in the CSV, a long table built
/// one screen at a time.
@Suite("Page tables")
struct PageTableTests {
    @Test func countsReadWithSeparatorsOnScreenAndPlainInTheCSV() {
        let table = PageTable(id: "t", caption: "c", columns: ["Partner", "Answers", "Share"],
                              rows: [[PageCell("Northwind, Ltd"), .number(12_345), .figure("41%")]])
        #expect(table.rows[0][1].text == 12_345.formatted())
        #expect(table.csv == "Partner,Answers,Share\r\n\"Northwind, Ltd\",12345,41%\r\n")
    }

    @Test func lazyRowsBuildOnlyWhatIsAskedForAndTheCSVHoldsThemAll() {
        let built = Atomic<Int>(0)
        var table = PageTable(id: "t", caption: "c", columns: ["N"], rows: [])
        table.lazyRows = PageTable.LazyRows(count: 60) { range in
            built.add(range.count, ordering: .relaxed)
            return range.map { [.number($0)] }
        }
        #expect(table.rows(25..<50).map { $0[0].text } == (25..<50).map { $0.formatted() })
        #expect(built.load(ordering: .relaxed) == 25)
        #expect(table.csv.split(separator: "\r\n").count == 61)
        #expect(table.pageParameter == "page")
    }
}
