/// Stop words of the languages a relay may be written in, for telling the language of a text.
///
/// Each list is the most frequent part of the Snowball list for that language (snowballstem.org,
/// `<language>/stop.txt`), without one-letter words and without words that are also English stop words
/// (`in`, `is`, `on`, `me`), which say nothing about the language, and without words common in English
/// relays (`per`, `also`, `will`, `so`, `door`), which would make an English relay look Italian or German.
enum LanguageStopWords {
    /// Language code -> its stop words, English stop words taken out.
    static let lists: [String: Set<String>] = raw.mapValues { $0.subtracting(StopWords.english) }

    private static let raw: [String: Set<String>] = [
        "de": [
            "aber", "alle", "allem", "allen", "aller", "alles", "als", "andere", "anderen", "auch", "auf", "aus",
            "bei", "bis", "bist", "damit", "dann", "das", "dass", "daß", "dem", "den", "der", "des", "die", "dies",
            "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "durch", "ein", "eine", "einem", "einen",
            "einer", "eines", "er", "es", "für", "gegen", "hatte", "hier", "ich", "ihm", "ihn", "ihr", "ihre",
            "ihrem", "ihren", "ist", "jetzt", "kann", "kein", "keine", "keinen", "mit", "muss", "nach", "nicht", "nichts",
            "noch", "nun", "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "sich", "sie", "sind", "soll",
            "über", "und", "uns", "unser", "unsere", "vom", "von", "vor", "was", "weil", "welche", "wenn",
            "werden", "wie", "wieder", "wir", "wird", "wo", "zu", "zum", "zur", "zwischen",
        ],
        "fr": [
            "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il", "je", "la",
            "le", "les", "leur", "lui", "ma", "mais", "même", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "ou",
            "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton",
            "tu", "un", "une", "vos", "votre", "vous", "été", "est", "sont", "sera", "ont", "avons", "avez", "était",
            "c'est", "n'est", "d'un", "d'une", "cette", "cet", "ils", "elles",
        ],
        "es": [
            "de", "la", "que", "el", "en", "los", "del", "se", "las", "por", "un", "para", "con", "una", "su",
            "al", "lo", "como", "más", "pero", "sus", "le", "ya", "este", "sí", "porque", "esta", "entre", "cuando",
            "muy", "sin", "sobre", "también", "hasta", "hay", "donde", "quien", "desde", "todo", "nos", "durante",
            "todos", "uno", "les", "ni", "contra", "otros", "ese", "eso", "ante", "ellos", "esto", "antes", "algunos",
            "qué", "unos", "yo", "otro", "otras", "otra", "él", "tanto", "esa", "estos", "mucho", "nada", "es", "son",
            "está", "están", "ser", "tiene", "tienen",
        ],
        "nl": [
            "de", "en", "van", "ik", "te", "dat", "die", "een", "hij", "het", "niet", "zijn", "op", "aan", "met", "als",
            "voor", "er", "maar", "om", "hem", "zou", "wat", "mijn", "dit", "zo", "ze", "zich",
            "bij", "ook", "tot", "je", "mij", "uit", "der", "daar", "haar", "naar", "heb", "heeft", "hebben",
            "deze", "want", "nog", "zal", "zij", "nu", "geen", "omdat", "iets", "worden", "toch", "al", "waren", "veel",
            "meer", "doen", "toen", "moet", "zonder", "kan", "hun", "dus", "alles", "onder", "ja", "eens", "hier",
            "wie", "werd", "altijd", "wordt", "kunnen", "ons", "zelf", "tegen", "na", "wil", "kon", "niets", "uw",
        ],
        "it": [
            "ad", "al", "allo", "ai", "agli", "alla", "alle", "con", "col", "da", "dal", "dallo", "dai", "dagli",
            "dalla", "dalle", "di", "del", "dello", "dei", "degli", "della", "delle", "nel", "nello", "nei", "negli",
            "nella", "nelle", "su", "sul", "sullo", "sui", "sugli", "sulla", "sulle", "tra", "contro", "io",
            "tu", "lui", "lei", "noi", "voi", "loro", "mio", "mia", "tuo", "tua", "suo", "sua", "nostro", "nostra",
            "vostro", "chi", "cui", "non", "che", "quale", "quanto", "quella", "quello", "questo", "questa", "questi",
            "queste", "si", "tutto", "tutti", "ho", "hai", "ha", "abbiamo", "avete", "hanno", "è", "sono", "era", "una",
            "uno", "gli", "il", "la", "le", "lo", "anche", "ma", "più",
        ],
        "pt": [
            "de", "que", "do", "da", "em", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais",
            "as", "dos", "como", "mas", "ao", "ele", "das", "à", "seu", "sua", "ou", "quando", "muito", "nos", "já",
            "eu", "também", "só", "pelo", "pela", "até", "isso", "ela", "entre", "depois", "sem", "mesmo", "aos",
            "seus", "quem", "nas", "esse", "eles", "você", "essa", "num", "nem", "suas", "meu", "minha", "numa",
            "pelos", "elas", "qual", "nós", "lhe", "deles", "essas", "esses", "pelas", "este", "dele", "vocês", "vos",
            "lhes", "nosso", "nossa", "dela", "esta", "estes", "estas", "isto", "está", "estamos", "estão", "é", "são",
            "foi", "tem", "têm",
        ],
    ]
}
