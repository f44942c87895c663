/// Tokens as Google's rouge-score package (`rouge_score/tokenize.py`, default tokenizer) makes them.
///
/// Lowercase, every run of characters outside `a-z0-9` is a separator (so `Vault 3.0` is `vault 3 0`,
/// `café` is `caf`; no NFKC), and with stemming on only tokens longer than 3 characters are stemmed.
/// rouge-score stems with NLTK's Porter stemmer (Porter 1980 with NLTK's extensions); this uses Porter2,
/// which differs on some words (`generously`: Porter `gener`, Porter2 `generous`), so stemmed scores can
/// differ slightly from rouge-score's; unstemmed scores are the same.
///
/// Example: `RougeTokenizer.tokens("The Clinics' 2,000 staff", stem: true)` is `["the", "clinic", "2", "000", "staff"]`.
enum RougeTokenizer {
    static func tokens(_ text: String, stem: Bool) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        for byte in text.lowercased().utf8 {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                current.append(byte)
            } else if !current.isEmpty {
                tokens.append(Self.finish(current, stem: stem))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty {
            tokens.append(Self.finish(current, stem: stem))
        }
        return tokens
    }

    private static func finish(_ bytes: [UInt8], stem: Bool) -> String {
        let token = String(decoding: bytes, as: UTF8.self)
        return stem && bytes.count > 3 ? Porter2.stem(token) : token
    }
}
