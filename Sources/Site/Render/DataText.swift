import SourceText

/// JSON and CSV written straight into bytes, for the files of `data/`: a dossier of ten
/// thousand articles exports millions of values, which an encoder of `Codable` values makes
/// several times slower. Keys are written in the order given, so the output is the same on
/// every build.
///
///     var json = DataText()
///     json.object { $0.field("id") { $0.string("wladimir-putin") } }   // {"id":"wladimir-putin"}
struct DataText {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: JSON

    mutating func object(_ fields: (inout DataText) -> Void) {
        container(UInt8(ascii: "{"), UInt8(ascii: "}"), fields)
    }

    mutating func array(_ items: (inout DataText) -> Void) {
        container(UInt8(ascii: "["), UInt8(ascii: "]"), items)
    }

    /// A key of the object being written, then its value. A key written in the code is copied
    /// as it is: the export writes millions of them, and none needs escaping.
    mutating func field(_ key: StaticString, _ value: (inout DataText) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        // `withUTF8Buffer` reads the key however the static string keeps it.
        key.withUTF8Buffer { key in
            assert(key.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }, "a key written in the code needs no escaping")
            bytes.append(contentsOf: key)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
        value(&self)
    }

    /// A key made from data (an entity's reference), escaped, then its value.
    mutating func field(named key: String, _ value: (inout DataText) -> Void) {
        separate()
        appendQuoted(key.utf8)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
        value(&self)
    }

    mutating func string(_ value: String) {
        separate()
        appendQuoted(value.utf8)
        needsComma = true
    }

    mutating func string<Bytes: Collection<UInt8>>(utf8 value: Bytes) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// A string written before, quotation marks included (`PageInputs.quotedID`).
    mutating func string(quoted value: [UInt8]) {
        separate()
        bytes += value
        needsComma = true
    }

    /// The anchor of a mention on its article's page, `<id>-<ordinal>`, from the id as a
    /// string written before (`PageInputs.quotedID`): written in place, as an article's file
    /// has hundreds.
    mutating func anchor(quoted id: [UInt8], _ ordinal: Int) {
        separate()
        // Without its closing quotation mark.
        id.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<max(0, $0.count - 1)])) }
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDecimal(ordinal)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Makes room for `items` values to come with `text` bytes of text in all, before they are
    /// written: room for every byte escaped to two and `perItem` bytes of keys, punctuation and
    /// short values each. A large export then does not grow by doubling, which copies it and
    /// holds both copies at once (at 100,000 articles `data/dossier.json` is 151 MB: a 256 MB
    /// buffer was filled from a 128 MB one); room never written to is never touched, so the
    /// system gives it no memory.
    mutating func reserve(items: Int, text: Int, perItem: Int) {
        bytes.reserveCapacity(bytes.count + 2 * text + items * perItem)
    }

    /// Ends the text with a line break.
    mutating func newline() {
        bytes.append(0x0A)
    }

    /// A string, or `null` for nil or (with `emptyIsNull`) an empty string.
    mutating func optional(_ value: String?, emptyIsNull: Bool = true) {
        if let value, !(emptyIsNull && value.isEmpty) { string(value) } else { null() }
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.appendDecimal(value)
        needsComma = true
    }

    mutating func double(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        separate()
        bytes += "\(value)".utf8
        needsComma = true
    }

    mutating func null() {
        separate()
        bytes += "null".utf8
        needsComma = true
    }

    mutating func strings(_ values: [String]) {
        array { for value in values { $0.string(value) } }
    }

    // MARK: CSV (RFC 4180)

    /// One record: every field quoted (a sentence has commas and quotes), lines end in CRLF.
    mutating func record(_ fields: [String]) {
        for (index, field) in fields.enumerated() { cell(utf8: field.utf8, first: index == 0) }
        endRecord()
    }

    /// One field of a record, quoted, its quotation marks doubled; `first` starts the record.
    mutating func cell<Bytes: Collection<UInt8>>(utf8 value: Bytes, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if value.withContiguousStorageIfAvailable({ appendCell($0) }) == nil { Array(value).withUnsafeBufferPointer { appendCell($0) } }
    }

    /// `value` quoted, its quotation marks doubled: the bytes between them (a sentence seldom
    /// has any) are copied at once.
    mutating func appendCell(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var plain = 0
        for index in value.indices where value[index] == UInt8(ascii: "\"") {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[plain...index]))
            bytes.append(UInt8(ascii: "\""))
            plain = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[plain...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// A number's decimal digits.
    mutating func decimal(_ value: Int) {
        bytes.appendDecimal(value)
    }

    /// Bytes written as they are: cells made once and repeated (the article's on each of its
    /// mentions' rows).
    mutating func raw<Bytes: Sequence<UInt8>>(_ value: Bytes) {
        bytes.append(contentsOf: value)
    }

    /// Ends the record begun with `cell(utf8:first:)`.
    mutating func endRecord() {
        bytes += [0x0D, 0x0A]
    }
}

private extension DataText {
    mutating func container(_ open: UInt8, _ close: UInt8, _ content: (inout DataText) -> Void) {
        separate()
        bytes.append(open)
        needsComma = false
        content(&self)
        bytes.append(close)
        needsComma = true
    }

    mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func appendQuoted<Bytes: Collection<UInt8>>(_ value: Bytes) {
        bytes.append(UInt8(ascii: "\""))
        if value.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil { Array(value).withUnsafeBufferPointer { appendEscaped($0) } }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `value` with what JSON escapes escaped; runs of plain bytes (nearly all of a text)
    /// are copied at once.
    mutating func appendEscaped(_ value: UnsafeBufferPointer<UInt8>) {
        guard let base = value.baseAddress else { return }
        var plain = 0
        var index = 0
        while index < value.count {
            // Eight bytes at a time past words with no control character, quotation mark or backslash.
            if index + 8 <= value.count {
                let word = ByteWords.load(base + index)
                if !ByteWords.hasByte(word, below: 0x20), !ByteWords.hasByte(word, between: 0x21, and: 0x23),
                   !ByteWords.hasByte(word, between: 0x5B, and: 0x5D) {
                    index += 8
                    continue
                }
            }
            let byte = value[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            let index = index - 1
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[plain..<index]))
            plain = index + 1
            switch byte {
            case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
            case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[plain...]))
    }
}
