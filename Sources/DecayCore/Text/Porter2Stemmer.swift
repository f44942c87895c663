/// The Snowball English (Porter2) stemmer, as in Snowball 3.0's `english.sbl`.
///
/// Example: `Porter2.stem("generously")` is `"generous"`, `Porter2.stem("pasting")` is `"paste"`.
public enum Porter2 {
    /// Stems one lowercase word; words of one or two characters come back unchanged.
    ///
    /// Example: `Porter2.stem("communications")` is `"communic"`.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        var others: [Unicode.Scalar] = []
        if bytes.contains(where: { $0 >= 0x80 }) {
            // Non-ASCII scalars are never vowels nor part of a suffix, and no step
            // removes or reorders them, so one placeholder byte each is exact.
            bytes.removeAll(keepingCapacity: true)
            for scalar in word.unicodeScalars {
                if scalar.isASCII {
                    bytes.append(UInt8(scalar.value))
                } else {
                    bytes.append(Porter2Word.placeholder)
                    others.append(scalar)
                }
            }
        }
        if bytes.count <= 2 { return word }
        if bytes.count <= 6, let exception = Porter2Word.exceptions[bytes] {
            return exception
        }
        var stemmer = Porter2Word(bytes)
        stemmer.run()
        if others.isEmpty {
            return String(decoding: stemmer.w, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        var next = others.makeIterator()
        for byte in stemmer.w {
            if byte == Porter2Word.placeholder, let scalar = next.next() {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }
}

/// One word being stemmed: ASCII bytes, with `Y` marking a consonantal y, plus the R1/R2 starts.
private struct Porter2Word {
    /// Stands in for each non-ASCII scalar while stemming.
    static let placeholder: UInt8 = 0xFF

    /// Whole words handled before any step (Snowball's `exception1`).
    static let exceptions: [[UInt8]: String] = {
        let pairs: [(String, String)] = [
            ("skis", "ski"), ("skies", "sky"),
            ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
            ("only", "onli"), ("singly", "singl"),
            ("sky", "sky"), ("news", "news"), ("howe", "howe"),
            ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ]
        var table: [[UInt8]: String] = [:]
        for (word, stem) in pairs { table[Array(word.utf8)] = stem }
        return table
    }()

    /// Prefixes after which R1 starts, whatever the vowel pattern says.
    static let regionPrefixes: [[UInt8]] = [
        "gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter",
    ].map { Array($0.utf8) }

    /// Stems before `eed` that keep it (`proceed`, `exceed`, `succeed`).
    static let eedKeepers: [[UInt8]] = ["proc", "exc", "succ"].map { Array($0.utf8) }

    /// Stems before `ing` that keep it (`inning`, `outing`, `canning`, ...).
    static let ingKeepers: [[UInt8]] = ["inn", "out", "cann", "herr", "earr", "even"].map { Array($0.utf8) }

    /// Step 2 suffixes, longest first, with their replacements (`nil`: a special rule).
    static let step2: [([UInt8], [UInt8]?)] = Porter2Word.rules([
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogist", "og"), ("ogi", nil), ("fulli", "ful"), ("lessli", "less"), ("li", nil),
    ])

    /// Step 3 suffixes, longest first, with their replacements (`nil`: delete when in R2).
    static let step3: [([UInt8], [UInt8]?)] = Porter2Word.rules([
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", nil),
    ])

    /// Step 4 suffixes, longest first, deleted when in R2 (`ion` only after s or t).
    static let step4: [[UInt8]] = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion",
    ].map { Array($0.utf8) }.sorted { $0.count > $1.count }

    /// Literal suffixes and replacements used by the steps below.
    static let eedly = Array("eedly".utf8)
    static let ingly = Array("ingly".utf8)
    static let edly = Array("edly".utf8)
    static let eed = Array("eed".utf8)
    static let ing = Array("ing".utf8)
    static let ee = Array("ee".utf8)
    static let ie = Array("ie".utf8)
    static let og = Array("og".utf8)
    static let past = Array("past".utf8)
    static let sses = Array("sses".utf8)
    static let ies = Array("ies".utf8)
    static let ied = Array("ied".utf8)
    static let ion = Array("ion".utf8)
    static let iOnly = [UInt8(ascii: "i")]

    /// Converts a suffix table to bytes, longest suffix first so the first match is Snowball's `among` choice.
    private static func rules(_ list: [(String, String?)]) -> [([UInt8], [UInt8]?)] {
        list.map { (Array($0.0.utf8), $0.1.map { Array($0.utf8) }) }
            .sorted { $0.0.count > $1.0.count }
    }

    var w: [UInt8]
    var p1 = 0
    var p2 = 0
    var yFound = false

    init(_ bytes: [UInt8]) {
        self.w = bytes
    }

    /// Runs prelude, region marking, steps 1a to 5 and the postlude (Y back to y).
    mutating func run() {
        self.prelude()
        self.markRegions()
        self.step1a()
        self.step1b()
        self.step1c()
        self.step2()
        self.step3()
        self.step4()
        self.step5()
        if self.yFound {
            for i in self.w.indices where self.w[i] == UInt8(ascii: "Y") { self.w[i] = UInt8(ascii: "y") }
        }
    }

    // MARK: Character classes

    /// Snowball's `v`: a e i o u y (a consonantal `Y` is not a vowel).
    @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"),
             UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

    /// Snowball's `v_WXY`: vowels plus w, x and the consonantal Y.
    @inline(__always) static func isVowelWXY(_ c: UInt8) -> Bool {
        self.isVowel(c) || c == UInt8(ascii: "w") || c == UInt8(ascii: "x") || c == UInt8(ascii: "Y")
    }

    /// Letters that may precede a removable -li.
    @inline(__always) static func isValidLI(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
             UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    // MARK: Helpers

    /// Whether the word ends with `suffix`.
    @inline(__always) func endsWith(_ suffix: [UInt8]) -> Bool {
        self.endsWith(suffix, at: self.w.count)
    }

    /// Whether `suffix` sits just before position `end`.
    @inline(__always) func endsWith(_ suffix: [UInt8], at end: Int) -> Bool {
        let start = end - suffix.count
        guard start >= 0 else { return false }
        for i in 0..<suffix.count where self.w[start + i] != suffix[i] { return false }
        return true
    }

    /// Whether the word ends with the two letters `a`, `b`.
    @inline(__always) func endsWith(_ a: UInt8, _ b: UInt8) -> Bool {
        let n = self.w.count
        return n >= 2 && self.w[n - 2] == a && self.w[n - 1] == b
    }

    /// The longest suffix of the word in `rules` (Snowball `among` semantics).
    @inline(__always) func longest<T>(_ rules: [([UInt8], T)]) -> ([UInt8], T)? {
        guard let last = self.w.last else { return nil }
        for rule in rules where rule.0.last == last && self.endsWith(rule.0) { return rule }
        return nil
    }

    /// Replaces the last `length` letters with `replacement`.
    mutating func replaceSuffix(length: Int, with replacement: [UInt8]) {
        self.w.removeLast(length)
        self.w.append(contentsOf: replacement)
    }

    /// Snowball's `gopast v gopast non-v` from `start`: just past the first non-vowel that follows a vowel.
    func pastVowelThenConsonant(from start: Int) -> Int? {
        var i = start
        let n = self.w.count
        while i < n, !Self.isVowel(self.w[i]) { i += 1 }
        if i == n { return nil }
        while i < n, Self.isVowel(self.w[i]) { i += 1 }
        return i == n ? nil : i + 1
    }

    /// Whether any vowel occurs before position `end`.
    func hasVowel(before end: Int) -> Bool {
        var i = 0
        while i < end {
            if Self.isVowel(self.w[i]) { return true }
            i += 1
        }
        return false
    }

    /// Snowball's `shortv` ending at `c`: consonant-vowel-consonant (last not w, x, Y),
    /// vowel-consonant as the whole word, or `past`.
    func isShortSyllable(endingAt c: Int) -> Bool {
        if c >= 3, !Self.isVowelWXY(self.w[c - 1]), Self.isVowel(self.w[c - 2]), !Self.isVowel(self.w[c - 3]) {
            return true
        }
        if c == 2, !Self.isVowel(self.w[1]), Self.isVowel(self.w[0]) {
            return true
        }
        return self.endsWith(Self.past, at: c)
    }

    // MARK: Steps

    /// Drops one leading apostrophe and marks consonantal y as `Y`.
    mutating func prelude() {
        if self.w.first == UInt8(ascii: "'") { self.w.removeFirst() }
        guard !self.w.isEmpty else { return }
        if self.w[0] == UInt8(ascii: "y") {
            self.w[0] = UInt8(ascii: "Y")
            self.yFound = true
        }
        var i = 1
        while i < self.w.count {
            if self.w[i] == UInt8(ascii: "y"), Self.isVowel(self.w[i - 1]) {
                self.w[i] = UInt8(ascii: "Y")
                self.yFound = true
            }
            i += 1
        }
    }

    /// Sets R1 and R2: each starts after the first non-vowel that follows a vowel, R1 after a listed prefix instead.
    mutating func markRegions() {
        let n = self.w.count
        self.p1 = n
        self.p2 = n
        var start: Int?
        for prefix in Self.regionPrefixes where self.w.starts(with: prefix) {
            start = prefix.count
            break
        }
        if start == nil { start = self.pastVowelThenConsonant(from: 0) }
        guard let r1 = start else { return }
        self.p1 = r1
        if let r2 = self.pastVowelThenConsonant(from: r1) { self.p2 = r2 }
    }

    /// Drops a trailing apostrophe form, then plural -s/-es/-ies endings.
    mutating func step1a() {
        let apostrophe = UInt8(ascii: "'")
        let s = UInt8(ascii: "s")
        let n = self.w.count
        if n >= 3, self.w[n - 3] == apostrophe, self.w[n - 2] == s, self.w[n - 1] == apostrophe {
            self.w.removeLast(3)
        } else if self.endsWith(apostrophe, s) {
            self.w.removeLast(2)
        } else if self.w.last == apostrophe {
            self.w.removeLast()
        }
        guard self.w.last == s || self.w.last == UInt8(ascii: "d") else { return }
        let m = self.w.count
        if self.endsWith(Self.sses) {
            self.w.removeLast(2)
        } else if self.endsWith(Self.ies) || self.endsWith(Self.ied) {
            self.replaceSuffix(length: 3, with: m - 3 >= 2 ? Self.iOnly : Self.ie)
        } else if self.endsWith(UInt8(ascii: "u"), s) || self.endsWith(s, s) {
            return
        } else if self.w.last == s, m >= 2, self.hasVowel(before: m - 2) {
            self.w.removeLast()
        }
    }

    /// Handles -eed/-eedly and removes -ed/-edly/-ing/-ingly, then tidies the stem
    /// (`hoping` -> `hope`, `hopping` -> `hop`).
    mutating func step1b() {
        let n = self.w.count
        guard n >= 2 else { return }
        let e = UInt8(ascii: "e")
        let suffixLength: Int
        let isEed: Bool
        var isIng = false
        if self.endsWith(Self.eedly) {
            (suffixLength, isEed) = (5, true)
        } else if self.endsWith(Self.ingly) || self.endsWith(Self.edly) {
            (suffixLength, isEed) = (self.w[n - 4] == e ? 4 : 5, false)
        } else if self.endsWith(Self.eed) {
            (suffixLength, isEed) = (3, true)
        } else if self.endsWith(Self.ing) {
            (suffixLength, isEed, isIng) = (3, false, true)
        } else if self.endsWith(e, UInt8(ascii: "d")) {
            (suffixLength, isEed) = (2, false)
        } else {
            return
        }
        let start = n - suffixLength
        if isEed {
            for keeper in Self.eedKeepers where start == keeper.count && self.endsWith(keeper, at: start) { return }
            if start >= self.p1 { self.replaceSuffix(length: suffixLength, with: Self.ee) }
            return
        }
        if isIng {
            // dying -> die, vying -> vie; inning, outing, ... stay.
            if start == 2, self.w[1] == UInt8(ascii: "y"), !Self.isVowel(self.w[0]) {
                self.replaceSuffix(length: 4, with: Self.ie)
                return
            }
            for keeper in Self.ingKeepers where start == keeper.count && self.endsWith(keeper, at: start) { return }
        }
        guard self.hasVowel(before: start) else { return }
        self.w.removeLast(suffixLength)
        let m = self.w.count
        if self.endsWith(UInt8(ascii: "a"), UInt8(ascii: "t")) || self.endsWith(UInt8(ascii: "b"), UInt8(ascii: "l"))
            || self.endsWith(UInt8(ascii: "i"), UInt8(ascii: "z")) {
            self.w.append(e)
        } else if m >= 2, self.w[m - 1] == self.w[m - 2], Self.isUndoubled(self.w[m - 1]) {
            let first = self.w[0]
            let keep = m == 3 && (first == UInt8(ascii: "a") || first == e || first == UInt8(ascii: "o"))
            if !keep { self.w.removeLast() }
        } else if m == self.p1, self.isShortSyllable(endingAt: m) {
            self.w.append(e)
        }
    }

    /// The letters whose doubling step 1b undoes (`hopping` -> `hop`).
    @inline(__always) static func isUndoubled(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
             UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    /// Turns a final y after a consonant (not the first letter) into i (`cry` -> `cri`).
    mutating func step1c() {
        let n = self.w.count
        guard n >= 3, self.w[n - 1] == UInt8(ascii: "y") || self.w[n - 1] == UInt8(ascii: "Y"),
              !Self.isVowel(self.w[n - 2]) else { return }
        self.w[n - 1] = UInt8(ascii: "i")
    }

    /// Normalises derivational suffixes in R1 (`-ational` -> `-ate`).
    mutating func step2() {
        guard let (suffix, replacement) = self.longest(Self.step2) else { return }
        let start = self.w.count - suffix.count
        guard start >= self.p1 else { return }
        if let replacement {
            self.replaceSuffix(length: suffix.count, with: replacement)
        } else if suffix.count == 3 {
            if start >= 1, self.w[start - 1] == UInt8(ascii: "l") {
                self.replaceSuffix(length: 3, with: Self.og)
            }
        } else if start >= 1, Self.isValidLI(self.w[start - 1]) {
            self.w.removeLast(2)
        }
    }

    /// Normalises or drops further suffixes in R1 (`-icate` -> `-ic`, `-ness` dropped).
    mutating func step3() {
        guard let (suffix, replacement) = self.longest(Self.step3) else { return }
        let start = self.w.count - suffix.count
        guard start >= self.p1 else { return }
        if let replacement {
            self.replaceSuffix(length: suffix.count, with: replacement)
        } else if start >= self.p2 {
            self.w.removeLast(suffix.count)
        }
    }

    /// Drops the longest residual suffix when it lies in R2.
    mutating func step4() {
        guard let last = self.w.last else { return }
        for suffix in Self.step4 where suffix.last == last && self.endsWith(suffix) {
            let start = self.w.count - suffix.count
            guard start >= self.p2 else { return }
            if suffix == Self.ion {
                let before = start >= 1 ? self.w[start - 1] : 0
                guard before == UInt8(ascii: "s") || before == UInt8(ascii: "t") else { return }
            }
            self.w.removeLast(suffix.count)
            return
        }
    }

    /// Drops a final e (unless it ends a short syllable in R1 only) and undoubles a final ll in R2.
    mutating func step5() {
        guard let last = self.w.last else { return }
        let start = self.w.count - 1
        if last == UInt8(ascii: "e") {
            if start >= self.p2 || (start >= self.p1 && !self.isShortSyllable(endingAt: start)) {
                self.w.removeLast()
            }
        } else if last == UInt8(ascii: "l") {
            if start >= self.p2, start >= 1, self.w[start - 1] == UInt8(ascii: "l") {
                self.w.removeLast()
            }
        }
    }
}
